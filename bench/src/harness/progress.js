import { now } from "./timing.js";

/**
 * A progress line on stderr: rewritten in place on a terminal, else printed at most every 2 s.
 * Nothing appears during the first second of a benchmark, so short ones stay quiet.
 * @param {string} name - the benchmark's name.
 */
export function createProgress(name) {
  const tty = process.stderr.isTTY === true;
  const started = now();
  let lastPrint = 0;
  let shown = false;
  return {
    /** @param {string} message */
    update(message) {
      const time = now();
      if (time - started < 1000) return;
      if (!tty && time - lastPrint < 2000) return;
      lastPrint = time;
      shown = true;
      const seconds = ((time - started) / 1000).toFixed(0);
      const line = `  ${name}: ${message} (${seconds} s)`;
      if (tty) process.stderr.write(`\r\x1b[2K${line}`);
      else process.stderr.write(`${line}\n`);
    },
    done() {
      if (shown && tty) process.stderr.write("\r\x1b[2K");
    },
  };
}
