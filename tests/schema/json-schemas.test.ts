import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_SCHEMAS, jsonSchemaFor } from '../../src/schema/json-schemas.ts';

const names = Object.keys(FILE_SCHEMAS) as Array<keyof typeof FILE_SCHEMAS>;

/** The schema a data file should name, from its place in the edition. */
function schemaNameOf(file: string): string {
  return file.includes(`${path.sep}experiences${path.sep}`) ? 'experience' : path.basename(file, '.yaml');
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? yamlFiles(path.join(dir, d.name)) : d.name.endsWith('.yaml') ? [path.join(dir, d.name)] : [],
  );
}

describe('jsonSchemaFor(name)', () => {
  it.each(names)('matches the committed schema/%s.schema.json (run npm run schema after changing a zod schema)', (name) => {
    const committed = JSON.parse(readFileSync(`schema/${name}.schema.json`, 'utf8'));
    expect(committed).toEqual(jsonSchemaFor(name));
  });

  it('forbids unknown fields, so a typo is underlined in the editor', () => {
    expect(jsonSchemaFor('experience')).toMatchObject({ additionalProperties: false });
    expect(jsonSchemaFor('units')).toMatchObject({ type: 'array', items: { additionalProperties: false } });
  });

  it('describes printed figures as strings and scores as numbers', () => {
    const report = jsonSchemaFor('report') as { properties: Record<string, { additionalProperties?: { type?: string } }> };
    expect(report.properties.fieldwork!.additionalProperties!.type).toBe('string');
    const scheme = jsonSchemaFor('scheme') as { properties: Record<string, { type?: string }> };
    expect(scheme.properties.scale!.type).toBe('number');
  });
});

describe('data files name their schema on the first line', () => {
  const files = ['data', 'tests/fixtures/small/data'].filter(existsSync).flatMap(yamlFiles);
  it.each(files)('%s', (file) => {
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
    expect(match, `first line of ${file}`).not.toBeNull();
    const target = path.resolve(path.dirname(file), match![1]!);
    expect(target).toBe(path.resolve(`schema/${schemaNameOf(file)}.schema.json`));
    expect(existsSync(target)).toBe(true);
  });
});
