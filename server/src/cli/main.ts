import { run } from './run.js';
import packageJson from '../../../package.json' with { type: 'json' };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// `postmortem-lint docs/ | head`: once the reader has gone, the rest of the output has nowhere to
// go. Drop it quietly and finish, so the exit code still says whether problems were found.
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  readStdin,
  version: packageJson.version,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug of ours: say so in one line, keep the stack for --debug-minded readers in the env.
    process.stderr.write(`postmortem-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.POSTMORTEM_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
    process.exitCode = 2;
  },
);
