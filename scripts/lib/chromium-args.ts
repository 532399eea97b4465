/**
 * Chromium's command-line flags wherever pinggu starts it (the PDF step,
 * the tests, the screenshots and the Lighthouse runner): no sandbox (builds
 * and CI may run as root), no GPU, and every kind of background networking
 * off, so that the only requests a page makes are its own and an intranet
 * machine is never asked for anything else.
 *
 * @example
 * chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs] });
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  '--no-pings',
];
