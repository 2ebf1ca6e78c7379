#!/usr/bin/env node
// Committed shim: a bin that points into dist/ would break a clean workspace install.
import "./dist/cli.js";
