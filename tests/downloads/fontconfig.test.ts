import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fontconfigXml } from '../../src/downloads/fontconfig.ts';
import { FONTS } from '../../src/downloads/official-format.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('fontconfigXml(fonts)', () => {
  const xml = fontconfigXml();

  it.each(Object.values(FONTS).flatMap((font) => [font.name, font.altName, ...font.aliases].map((name) => [name, font.linux] as const)))(
    'puts the Linux stand-ins in front of %s',
    (name, linux) => {
      const rule = new RegExp(`<test name="family" qual="any"><string>${name}</string></test>\\s*<edit name="family" mode="prepend" binding="strong">(.*?)</edit>`).exec(xml);
      expect(rule).not.toBeNull();
      // 宋体 is 小标宋's alternative name too; it keeps the stand-ins of 宋体 itself.
      if (name !== '宋体' || linux === FONTS.songti.linux) expect(rule![1]).toBe(linux.map((f) => `<string>${f}</string>`).join(''));
    },
  );

  it('takes the stand-in of 方正小标宋简体 bold, and nothing else', () => {
    const bold = [...xml.matchAll(/<string>([^<]+)<\/string><\/test>[\s\S]*?<\/match>/g)].filter((m) => m[0].includes('<const>bold</const>')).map((m) => m[1]);
    expect(bold).toEqual(['方正小标宋简体', 'FZXiaoBiaoSong-B05S']);
  });

  it('is the file docs/official-format.fonts.conf that Linux readers copy', async () => {
    expect(await readFile(path.join(root, 'docs/official-format.fonts.conf'), 'utf8')).toBe(xml);
  });
});
