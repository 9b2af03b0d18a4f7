/**
 * The raw limit of this runtime for one response: node:http answering every POST with the same precomputed
 * bytes. Run as its own process so its CPU time can be read like the real server's.
 * Usage: node raw-server.ts <file with the response body>
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const body = readFileSync(process.argv[2]);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length });
    res.end(body);
  });
});
server.listen(0, "127.0.0.1", () => console.log(`Listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
