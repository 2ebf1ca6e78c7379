#!/usr/bin/env python3
"""Runs a command in a real pseudo-terminal and drives it: the CLI's interactive tests.

Usage: pty-driver.py '<json>' where json = {"cmd": [...], "env": {...}, "timeout": 60,
"steps": [{"expect": "<regex>"} | {"send": "<text>"}]}. Each expect waits (up to the overall
timeout) for the regex in everything read so far since the previous expect matched. Prints one
JSON object: {"ok": bool, "error": str|null, "output": str, "exitCode": int|null}.
"""
import json, os, pty, re, select, signal, sys, time

spec = json.loads(sys.argv[1])
deadline = time.monotonic() + spec.get("timeout", 60)
pid, fd = pty.fork()
if pid == 0:
    env = dict(os.environ)
    env.update(spec.get("env", {}))
    os.execvpe(spec["cmd"][0], spec["cmd"], env)

output = b""
cursor = 0
error = None

def read_some(wait):
    global output
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    if not data:
        return False
    output += data
    return True

for step in spec["steps"]:
    if "send" in step:
        os.write(fd, step["send"].encode())
        continue
    pattern = re.compile(step["expect"].encode(), re.S)
    while True:
        match = pattern.search(output, cursor)
        if match:
            cursor = match.end()
            break
        left = deadline - time.monotonic()
        if left <= 0:
            error = "timeout waiting for %r" % step["expect"]
            break
        if not read_some(min(left, 0.2)):
            error = "process closed the terminal before %r" % step["expect"]
            break
    if error:
        break

exit_code = None
while exit_code is None and time.monotonic() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        exit_code = os.waitstatus_to_exitcode(status)
        break
    read_some(0.1)
if exit_code is None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    error = error or "process did not exit"
while read_some(0):
    if not select.select([fd], [], [], 0)[0]:
        break
print(json.dumps({"ok": error is None, "error": error, "output": output.decode("utf8", "replace"), "exitCode": exit_code}))
