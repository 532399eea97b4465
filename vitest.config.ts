import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One scratch folder per run for the shared whole-site builds that the
    // build, standards, security and browser tests use (built lazily).
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Whole-site builds skip report.pdf (seconds of Chromium each), except the shared build of the default
    // edition, which the PDF tests read (tests/helpers/built-site.ts asks for it).
    env: { REPORT_PDF: '0' },
    // Whole-site builds and browser sessions take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      // The product: everything under src/ and scripts/.
      { extends: true, test: { name: 'pinggu', include: ['tests/**/*.test.ts'] } },
      // The measurement code's own tests (bench/README.md); none of them times anything.
      { extends: true, test: { name: 'bench', include: ['bench/tests/**/*.test.ts'] } },
    ],
  },
});
