using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Kernel;

/// <summary>What a Jupyter client tells a kernel it starts: where to listen and the key to sign messages with.</summary>
public sealed record ConnectionFile(string Ip, int ShellPort, int IopubPort, int StdinPort, int ControlPort, int HeartbeatPort,
    string Key, string SignatureScheme)
{
    /// <summary>Reads a connection file; only the tcp transport and hmac-sha256 (or no key) are supported.</summary>
    public static ConnectionFile Load(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a JSON object");
        string transport = (string?)json["transport"] ?? "tcp";
        if (transport != "tcp") throw new InvalidDataException($"{path}: transport '{transport}' is not supported (tcp is)");
        string scheme = (string?)json["signature_scheme"] ?? "hmac-sha256";
        string key = (string?)json["key"] ?? "";
        if (key.Length > 0 && scheme != "hmac-sha256") throw new InvalidDataException($"{path}: signature scheme '{scheme}' is not supported (hmac-sha256 is)");
        int Port(string name) => (int?)json[name] ?? throw new InvalidDataException($"{path}: {name} is missing");
        return new ConnectionFile((string?)json["ip"] ?? "127.0.0.1", Port("shell_port"), Port("iopub_port"), Port("stdin_port"),
            Port("control_port"), Port("hb_port"), key, scheme);
    }
}
