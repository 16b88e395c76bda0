"""Time from starting a program to its first non-blank frame on an X display.

    python3 poll.py ROUNDS LABEL=COMMAND [LABEL=COMMAND ...]

Runs the commands in turn, ROUNDS times, alternating. Each is started on a black screen; the
screen is read every 2 ms (a 200 × 200 patch where every window here draws its first panel)
until it is no longer black; the program is then killed and the screen left to clear. Prints
each label's median and its ratio to the first label's. Needs DISPLAY (Xvfb -br) and
`pip install python-xlib`.
"""

import os
import shlex
import signal
import statistics
import subprocess
import sys
import time

from Xlib import X, display

PATCH = (40, 120, 200, 200)  # x, y, width, height: inside the top-left of any window here
POLL = 0.002
TIMEOUT = 60.0


def blank(root):
    x, y, w, h = PATCH
    data = root.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF).data
    return max(data) <= 8


def first_frame(root, command):
    started = time.perf_counter()
    proc = subprocess.Popen(
        shlex.split(command),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while blank(root):
            if time.perf_counter() - started > TIMEOUT:
                raise SystemExit(f"no frame from {command} in {TIMEOUT} s")
            if proc.poll() is not None:
                raise SystemExit(f"{command} exited with {proc.returncode} before a frame")
            time.sleep(POLL)
        return time.perf_counter() - started
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        clear = time.perf_counter()
        while not blank(root) and time.perf_counter() - clear < 5:
            time.sleep(0.01)
        time.sleep(0.2)


def main():
    rounds = int(sys.argv[1])
    runs = [arg.split("=", 1) for arg in sys.argv[2:]]
    root = display.Display().screen().root
    times = {label: [] for label, _ in runs}
    for _ in range(rounds):
        for label, command in runs:
            times[label].append(first_frame(root, command))
    base = statistics.median(times[runs[0][0]])
    for label, _ in runs:
        m = statistics.median(times[label])
        spread = f"{min(times[label]) * 1000:.0f}–{max(times[label]) * 1000:.0f}"
        print(f"{label:24} {m * 1000:7.0f} ms  ({m / base:4.2f}× {runs[0][0]})  [{spread} ms]")


if __name__ == "__main__":
    main()
