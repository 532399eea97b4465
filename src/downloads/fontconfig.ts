/**
 * The fontconfig rules that let LibreOffice on Linux set the Word download
 * in faces that look like the official ones. LibreOffice on Linux asks
 * fontconfig for a missing font and ignores the font table's alternative
 * names, and fontconfig knows no 仿宋_GB2312 or 楷体: without these rules
 * every one of them comes out in the default sans-serif face.
 * `docs/official-format.fonts.conf` is this file, to copy into
 * `~/.config/fontconfig/conf.d/`; the LibreOffice test uses it too.
 */
import { FONTS, type OfficialFont } from './official-format.ts';
import { xmlText } from './wordml.ts';

/**
 * A fontconfig configuration that puts each official face's Linux
 * stand-ins ({@link OfficialFont.linux}, the first installed wins) in
 * front of its name, its alternative name and its aliases, bold where the stand-in
 * must be. Names that are the same for two faces are written once, for the
 * first.
 *
 * @example
 * fontconfigXml().includes('<string>仿宋_GB2312</string>') // → true
 */
export function fontconfigXml(fonts: readonly OfficialFont[] = Object.values(FONTS)): string {
  const seen = new Set<string>();
  const rules: string[] = [];
  for (const font of fonts) {
    for (const name of [font.name, font.altName, ...font.aliases]) {
      if (seen.has(name)) continue;
      seen.add(name);
      rules.push(
        '  <match target="pattern">\n' +
          `    <test name="family" qual="any"><string>${xmlText(name)}</string></test>\n` +
          `    <edit name="family" mode="prepend" binding="strong">${font.linux.map((f) => `<string>${xmlText(f)}</string>`).join('')}</edit>\n` +
          (font.linuxBold ? '    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>\n' : '') +
          '  </match>\n',
      );
    }
  }
  return (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n' +
    '  <!-- The faces of GB/T 9704 (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体, 黑体, 宋体) and what stands in for them on Linux. -->\n' +
    rules.join('') +
    '</fontconfig>\n'
  );
}
