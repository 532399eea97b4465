/**
 * Files that are not regular files, for tests of what an edition may hold:
 * a FIFO (which blocks whoever opens it for reading), a Unix socket, a
 * character device, and a folder of the same kind in each.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';

/**
 * Creates a FIFO at `file` with `mkfifo`.
 *
 * @example
 * makeFifo('/tmp/ed/data/units.yaml');
 */
export function makeFifo(file: string): void {
  rmSync(file, { force: true, recursive: true });
  execFileSync('mkfifo', [file]);
}

/**
 * Creates a listening Unix socket at `file`; the returned function closes
 * it (which removes the file).
 *
 * @example
 * const close = await makeSocket('/tmp/ed/data/units.yaml');
 * await close();
 */
export async function makeSocket(file: string): Promise<() => Promise<void>> {
  rmSync(file, { force: true, recursive: true });
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(file, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * Creates a character device at `file` reading as `/dev/zero` (major 1,
 * minor 5), which never ends. Only root may; returns false when refused.
 *
 * @example
 * if (makeEndlessDevice('/tmp/ed/data/units.yaml')) …
 */
export function makeEndlessDevice(file: string): boolean {
  rmSync(file, { force: true, recursive: true });
  try {
    execFileSync('mknod', [file, 'c', '1', '5'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this machine lets the tests create device files (root with `mknod`).
 *
 * @example
 * it.skipIf(!canMakeDevices())('refuses a device', …);
 */
export function canMakeDevices(): boolean {
  const probe = `/tmp/pinggu-mknod-probe-${process.pid}`;
  const ok = makeEndlessDevice(probe);
  rmSync(probe, { force: true });
  return ok;
}
