// Progress feedback on stderr for long reads (SPEC §1.4, clig.dev): only when stderr is a
// terminal, only after the read has taken a second, at most a few updates per second.

export interface ProgressReporter {
  update: (extract: string, rows: number, bytes: number) => void;
  done: () => void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(extract, rows, bytes) {
      const now = Date.now();
      if (now - start < 1000 || now - last < 250) return;
      last = now;
      shown = true;
      const mbps = bytes / 1e6 / ((now - start) / 1000);
      stream.write(`\r\x1b[Kreading ${extract}: ${rows.toLocaleString('en-US')} rows, ${mbps.toFixed(1)} MB/s`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
