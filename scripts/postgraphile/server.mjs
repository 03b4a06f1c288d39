// server.mjs: PostGraphile 5 over the console's PostgreSQL database, for compare.sh.
//
//   PGL_DATABASE_URL=postgres://riskconsole_pgl@127.0.0.1:55439/riskconsole \
//   PGL_LISTEN=127.0.0.1:18440 PGL_POOL=16 PGL_WORKERS=1 NODE_ENV=production node server.mjs
//
// The Amber preset (PostGraphile 5's default) over the schema public, as a role that may read
// decisions and threshold_versions and insert into decisions_plain (compare.sql): PostGraphile 5
// builds its schema from the role's privileges, so it serves allDecisions (a connection with
// condition, orderBy, first and after), allDecisionsPlains and createDecisionsPlain, and the
// threshold version of each decision through its foreign key. No GraphiQL, no watch mode, no
// explain: the production settings. PGL_POOL is the PostgreSQL pool of each process (default
// 16, the console's default pool on two cores); PGL_WORKERS > 1 runs that many processes on one
// port (node:cluster), so that PostGraphile may use every core as the Go server does.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const connectionString = process.env.PGL_DATABASE_URL;
if (!connectionString) {
  console.error("server.mjs: PGL_DATABASE_URL is required");
  process.exit(2);
}
const [host, port] = (process.env.PGL_LISTEN ?? "127.0.0.1:18440").split(":");
const poolSize = Number(process.env.PGL_POOL ?? 16);
const workers = Number(process.env.PGL_WORKERS ?? 1);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    console.error(`server.mjs: worker ${worker.process.pid} exited (${code})`);
    process.exit(1);
  });
  process.on("SIGTERM", () => {
    for (const w of Object.values(cluster.workers)) w.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [
      makePgService({ connectionString, schemas: ["public"], poolConfig: { max: poolSize } }),
    ],
    grafserv: { graphiql: false, watch: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.keepAliveTimeout = 65_000;
  server.on("error", (e) => {
    console.error(e);
    process.exit(1);
  });
  await serv.addTo(server);
  // Build the schema before listening, so that the first request does not wait for it.
  await pgl.getSchema();
  server.listen(Number(port), host, () => {
    console.error(`server.mjs: PostGraphile 5 on http://${host}:${port}/graphql (pid ${process.pid}, pool ${poolSize})`);
  });
  process.on("SIGTERM", () => {
    server.close();
    pgl.release().finally(() => process.exit(0));
  });
}
