import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);

/** ${{ values.name }}: ${{ values.description }} */
const server = createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: 'not found' }));
});

server.listen(port, () => {
  process.stdout.write(`listening on ${port}\n`);
});
