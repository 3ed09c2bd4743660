"""A loopback stand-in for the Central Portal's publisher API, for check-bundle.sh: it accepts one bundle upload,
keeps it, and answers the status poll, so the release build runs to its end and nothing leaves the machine.

    python3 fake-central.py PORT_FILE UPLOAD_FILE

Listens on 127.0.0.1 at a free port (written to PORT_FILE), and stops by itself after 15 minutes.
"""
import http.server
import json
import sys
import threading

port_file, upload_file = sys.argv[1], sys.argv[2]
DEPLOYMENT = "00000000-release-check-0000"


class Handler(http.server.BaseHTTPRequestHandler):
    def _body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def _send(self, status, body, content_type):
        payload = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self):
        body = self._body()
        if not self.path.startswith("/api/v1/publisher/upload"):
            return self._send(404, "not found", "text/plain")
        # The Portal takes the settings.xml server's user token; only that one is ever sent here.
        scheme, _, credential = self.headers.get("Authorization", "").partition(" ")
        sys.stderr.write("fake-central: Authorization scheme %s\n" % scheme)
        if not credential:
            return self._send(401, "no credentials", "text/plain")
        with open(upload_file, "wb") as f:
            f.write(self.path.encode() + b"\n" + body)
        self._send(201, DEPLOYMENT, "text/plain")

    def do_GET(self):
        self._send(404, "not found", "text/plain")

    def log_message(self, fmt, *args):
        sys.stderr.write("fake-central: " + (fmt % args) + "\n")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
threading.Timer(900, server.shutdown).start()
server.serve_forever()
