"""Protocol checks of the CourseCompanion kernel with Jupyter's own client (Debian's python3-jupyter-client).

Usage: kernel_protocol.py CHECK [KERNEL_NAME]. The kernelspec must be findable (JUPYTER_PATH). Prints "ok CHECK" and exits 0,
or prints what went wrong and exits 1. Run by KernelProtocolTests.cs; each check starts its own kernel.
"""
import socket
import sys
import time

import jupyter_client
import zmq
from jupyter_client.session import Session

TIMEOUT = 60


def start(name):
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=TIMEOUT)
    return km, kc


def run(kc, code, timeout=TIMEOUT, **kwargs):
    """Executes code; returns (reply content, [(msg_type, content)] of the iopub messages between busy and idle)."""
    msg_id = kc.execute(code, **kwargs)
    outputs = []
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                break
            continue
        outputs.append((msg["msg_type"], msg["content"]))
    return shell_reply(kc, msg_id, deadline - time.time()), outputs


_early_replies = {}


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The reply to msg_id; replies to other requests that arrive first are kept for their own call."""
    if msg_id in _early_replies:
        return _early_replies.pop(msg_id)
    deadline = time.time() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]
        _early_replies[reply["parent_header"].get("msg_id")] = reply["content"]


def expect(condition, what):
    if not condition:
        raise AssertionError(what)


def check_kernel_info(km, kc):
    info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
    expect(info["status"] == "ok" and info["protocol_version"] == "5.3", f"kernel_info: {info}")
    expect(info["language_info"]["name"] == "C#" and info["language_info"]["file_extension"] == ".cs", f"language_info: {info}")


FORMATTER = """
public class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type source) => FormatterSourceType = source;
    public Type FormatterSourceType { get; }
    public string[] PreferredMimeTypes { get; set; } = new string[0];
}
public class SvgFormatter { public string MimeType => "image/svg+xml"; public Type Type => typeof(Figure);
    public bool Format(object o, TextWriter w) { w.Write("<svg></svg>"); return true; } }
public class FigureFormatters { public IEnumerable<object> CreateTypeFormatters() => new object[] { new SvgFormatter() }; }
[TypeFormatterSource(typeof(FigureFormatters))]
public class Figure { public override string ToString() => "Figure"; }
"""


def check_outputs(km, kc):
    reply, out = run(kc, 'Console.WriteLine("to stdout"); Console.Error.WriteLine("to stderr"); var x = 40;')
    expect(reply["status"] == "ok" and reply["execution_count"] == 1, f"reply 1: {reply}")
    expect(out[0] == ("execute_input", {"code": 'Console.WriteLine("to stdout"); Console.Error.WriteLine("to stderr"); var x = 40;', "execution_count": 1}), f"execute_input: {out}")
    streams = {c["name"]: c["text"] for t, c in out if t == "stream"}
    expect(streams == {"stdout": "to stdout\n", "stderr": "to stderr\n"}, f"streams: {out}")
    reply, out = run(kc, "x + 2")
    expect(("execute_result", {"data": {"text/plain": "42"}, "execution_count": 2, "metadata": {}}) in out, f"execute_result: {out}")
    reply, out = run(kc, FORMATTER + 'var handle = display(new Figure()); handle.Update("updated"); new Figure()')
    expect(reply["status"] == "ok", f"formatter cell: {reply}")
    display = [c for t, c in out if t == "display_data"]
    expect(len(display) == 1 and display[0]["data"] == {"image/svg+xml": "<svg></svg>", "text/plain": "Figure"}, f"display_data: {out}")
    display_id = display[0]["transient"]["display_id"]
    updates = [c for t, c in out if t == "update_display_data"]
    expect(len(updates) == 1 and updates[0]["transient"]["display_id"] == display_id and updates[0]["data"] == {"text/plain": "updated"}, f"update: {out}")
    result = [c for t, c in out if t == "execute_result"]
    expect(result and result[0]["data"]["image/svg+xml"] == "<svg></svg>", f"rich execute_result: {out}")
    # silent: no iopub output, no count; store_history=False: output but no count.
    reply, out = run(kc, 'Console.WriteLine("quiet"); x', silent=True)
    expect(reply["status"] == "ok" and out == [] and reply["execution_count"] == 3, f"silent: {reply} {out}")
    reply, out = run(kc, "x", store_history=False)
    expect(reply["execution_count"] == 3 and [t for t, _ in out] == ["execute_input", "execute_result"], f"store_history: {reply} {out}")
    reply, out = run(kc, "x")
    expect(reply["execution_count"] == 4, f"count after silent: {reply}")


def check_errors(km, kc):
    reply, out = run(kc, "var a = 1;\nvar b = undefinedName;")
    expect(reply["status"] == "error" and reply["ename"] == "CompilationError" and "CS0103" in reply["evalue"], f"compile error reply: {reply}")
    errors = [c for t, c in out if t == "error"]
    expect(len(errors) == 1 and errors[0]["evalue"].startswith("(2,9): error CS0103"), f"compile error output: {out}")
    reply, out = run(kc, 'var kept = 5; throw new InvalidOperationException("boom");')
    expect(reply["status"] == "error" and reply["ename"] == "System.InvalidOperationException" and reply["evalue"] == "boom", f"runtime error: {reply}")
    expect(any(t == "error" and c["traceback"] for t, c in out), f"traceback: {out}")
    reply, out = run(kc, "kept")
    expect(("execute_result", {"data": {"text/plain": "5"}, "execution_count": 3, "metadata": {}}) in out, f"state after error: {out}")
    # stop_on_error: a queued execute request after a failing one is aborted.
    failing = kc.execute('throw new Exception("first");', stop_on_error=True)
    queued = kc.execute('Console.WriteLine("must not run");')
    expect(shell_reply(kc, failing)["status"] == "error", "failing cell")
    expect(shell_reply(kc, queued)["status"] == "aborted", "queued cell was not aborted")


def check_completion(km, kc):
    run(kc, "var learningRate = 0.1; var items = new List<string>();")
    reply = kc.complete("learn", 5, reply=True, timeout=TIMEOUT)["content"]
    expect(reply["status"] == "ok" and "learningRate" in reply["matches"] and reply["cursor_start"] == 0 and reply["cursor_end"] == 5, f"scope: {reply}")
    reply = kc.complete("items.Ad", 8, reply=True, timeout=TIMEOUT)["content"]
    expect({"Add", "AddRange"} <= set(reply["matches"]) and reply["cursor_start"] == 6, f"members: {reply}")
    reply = kc.complete("items.", 6, reply=True, timeout=TIMEOUT)["content"]
    expect("Count" in reply["matches"] and "Select" in reply["matches"], f"members and extension methods: {reply}")
    reply = kc.complete("Math.Sq", 7, reply=True, timeout=TIMEOUT)["content"]
    expect(reply["matches"] == ["Sqrt"], f"static members: {reply}")
    reply = kc.complete("System.Collections.Gen", 22, reply=True, timeout=TIMEOUT)["content"]
    expect(reply["matches"] == ["Generic"], f"namespaces: {reply}")


def check_inspect(km, kc):
    run(kc, "/// <summary>Scales a value by the learning rate.</summary>\ndouble Scale(double v) => 0.1 * v;")
    reply = kc.inspect("Scale(2)", 2, reply=True, timeout=TIMEOUT)["content"]
    expect(reply["found"] and "Scale(double)" in reply["data"]["text/plain"] and "Scales a value by the learning rate." in reply["data"]["text/plain"], f"own symbol: {reply}")
    reply = kc.inspect("Math.Sqrt(", 10, reply=True, timeout=TIMEOUT)["content"]
    text = reply["data"].get("text/plain", "")
    expect(reply["found"] and "Math.Sqrt(double)" in text, f"framework symbol: {reply}")
    reply = kc.inspect("   ", 1, reply=True, timeout=TIMEOUT)["content"]
    expect(reply["status"] == "ok" and not reply["found"], f"nothing: {reply}")


def check_is_complete(km, kc):
    for code, status in [("var x = 1;", "complete"), ("if (true) {", "incomplete"), ("#!time\nvar y = 2;", "complete"), ("x +", "incomplete")]:
        msg_id = kc.is_complete(code)
        reply = shell_reply(kc, msg_id)
        expect(reply["status"] == status, f"is_complete({code!r}): {reply}")


def check_interrupt(km, kc):
    run(kc, "var before = 1;")
    msg_id = kc.execute("while (true) { }")
    time.sleep(1.0)
    started = time.time()
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, 30)
    expect(reply["status"] == "error" and reply["ename"] == "Interrupted", f"interrupt reply: {reply}")
    expect("lost" in " ".join(reply["traceback"]), f"state loss not told: {reply}")
    expect(time.time() - started < 10, "interrupt took too long")
    reply, out = run(kc, "1 + 1")
    expect(reply["status"] == "ok" and out[-1][1]["data"]["text/plain"] == "2", f"after interrupt: {reply} {out}")
    reply, _ = run(kc, "before")
    expect(reply["status"] == "error" and "CS0103" in reply["evalue"], f"state should be gone after the interrupt: {reply}")


def check_restart(km, kc):
    run(kc, "var survivor = 1;")
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, out = run(kc, "survivor")
    expect(reply["status"] == "error" and reply["execution_count"] == 1, f"state after restart: {reply}")
    reply, out = run(kc, "2 * 21")
    expect(reply["status"] == "ok" and out[-1][1]["data"]["text/plain"] == "42", f"after restart: {out}")


def check_shutdown(km, kc):
    kc.shutdown(restart=False)
    deadline = time.time() + 15
    while km.is_alive() and time.time() < deadline:
        time.sleep(0.1)
    expect(not km.is_alive(), "the kernel did not exit after shutdown_request")


def raw_shell(km, key, identity=b"intruder"):
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.DEALER)
    sock.setsockopt(zmq.IDENTITY, identity)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(f"tcp://{km.ip}:{km.shell_port}")
    return sock, Session(key=key, username="test")


def check_bad_signature(km, kc):
    sock, wrong = raw_shell(km, b"not-the-key")
    wrong.send(sock, "execute_request", {"code": "System.IO.File.WriteAllText(\"pwned.txt\", \"x\");", "silent": False})
    unsigned = Session(key=b"", username="test")
    unsigned.send(sock, "kernel_info_request", {})
    expect(sock.poll(1500) == 0, "the kernel answered a wrongly signed or unsigned message")
    good = Session(key=km.session.key, username="test")
    good.send(sock, "kernel_info_request", {})
    expect(sock.poll(10000) != 0, "no reply to a correctly signed message on the same socket")
    _, reply = good.recv(sock)
    expect(reply["msg_type"] == "kernel_info_reply", f"reply: {reply}")
    # A replay of a signed message is refused too.
    msg = good.msg("kernel_info_request", {})
    frames = good.serialize(msg)
    sock.send_multipart(frames)
    expect(sock.poll(10000) != 0, "no reply to the original")
    sock.recv_multipart()
    sock.send_multipart(frames)
    expect(sock.poll(1500) == 0, "the kernel answered a replayed message")
    sock.close()
    reply, _ = run(kc, "1")
    expect(reply["status"] == "ok", "kernel broken after bad messages")


def check_garbage(km, kc):
    for payload in [b"GET / HTTP/1.1\r\n\r\n", b"\xff" + b"\x00" * 8 + b"\x7f\x03\x01NULL" + b"\x00" * 48 + b"\x07\xff\xff"]:
        s = socket.create_connection((km.ip, km.shell_port))
        s.sendall(payload)
        s.close()
    half = socket.create_connection((km.ip, km.shell_port))  # stays open, silent: must not block others
    reply, _ = run(kc, "2 + 2")
    expect(reply["status"] == "ok", "kernel broken after garbage")
    half.close()


def check_heartbeat(km, kc):
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.REQ)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(f"tcp://{km.ip}:{km.hb_port}")
    sock.send(b"ping-123")
    expect(sock.poll(5000) != 0, "no heartbeat echo")
    expect(sock.recv() == b"ping-123", "heartbeat did not echo")
    sock.close()
    time.sleep(1.5)
    expect(kc.hb_channel.is_beating(), "jupyter_client's heartbeat channel says the kernel is dead")


def check_stdin(km, kc):
    msg_id = kc.execute('Console.Write("name? "); var name = Console.ReadLine(); Console.WriteLine($"hello {name}");', allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    expect(request["msg_type"] == "input_request" and request["parent_header"]["msg_id"] == msg_id, f"input_request: {request}")
    kc.input("Ada")
    reply = shell_reply(kc, msg_id)
    expect(reply["status"] == "ok", f"reply: {reply}")
    texts = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            texts.append(msg["content"]["text"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    expect("".join(texts) == "name? hello Ada\n", f"streams: {texts}")
    reply, out = run(kc, "Console.ReadLine() is null", allow_stdin=False)
    expect(out[-1][1]["data"]["text/plain"] == "True", f"without allow_stdin ReadLine gives null: {out}")


def check_comm_and_history(km, kc):
    msg_id = kc.comm_info()
    reply = shell_reply(kc, msg_id)
    expect(reply == {"status": "ok", "comms": {}}, f"comm_info: {reply}")
    msg_id = kc.history()
    reply = shell_reply(kc, msg_id)
    expect(reply["status"] == "ok" and reply["history"] == [], f"history: {reply}")


def main():
    check = sys.argv[1]
    name = sys.argv[2] if len(sys.argv) > 2 else "coursecompanion-csharp"
    km, kc = start(name)
    try:
        globals()["check_" + check](km, kc)
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=False)
    print("ok", check)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print("FAILED", sys.argv[1], ":", e)
        sys.exit(1)
