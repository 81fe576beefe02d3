"""Kernel speed through jupyter_client: start to first reply, trivial execute round-trip, 1,000 display messages.

Usage: JUPYTER_PATH=... /usr/bin/python3 scripts/bench-kernel.py [KERNEL_NAME] (the kernelspec must be installed, e.g.
`companion kernel install --prefix /tmp/k` and JUPYTER_PATH=/tmp/k/share/jupyter).
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def run(kc, code):
    msg_id = kc.execute(code)
    displays = 0
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "display_data":
            displays += 1
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while kc.get_shell_msg(timeout=120)["parent_header"].get("msg_id") != msg_id:
        pass
    return displays


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "coursecompanion-csharp"
    started = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.kernel_info(reply=True, timeout=120)
    first_reply = time.perf_counter() - started
    run(kc, "var x = 1;")
    first_execute = time.perf_counter() - started
    times = []
    for _ in range(200):
        t = time.perf_counter()
        run(kc, "x += 1;")
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    displays = run(kc, "for (int i = 0; i < 1000; i++) display(i);")
    burst = time.perf_counter() - t
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    print(f"kernel start to first reply (kernel_info): {first_reply * 1000:8.0f} ms")
    print(f"kernel start to first execute reply:       {first_execute * 1000:8.0f} ms   (worker start and Roslyn warm-up)")
    print(f"trivial execute round-trip, median of 200: {statistics.median(times) * 1000:8.1f} ms   (p90 {sorted(times)[179] * 1000:.1f} ms)")
    print(f"1,000 display messages:                    {burst * 1000:8.0f} ms   ({displays} received, {displays / burst:,.0f} msg/s)")


if __name__ == "__main__":
    main()
