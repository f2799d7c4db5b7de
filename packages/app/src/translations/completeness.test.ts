/*
 * Every translation ref the app uses has a Russian and a Kazakh message for
 * every key, with the same {{placeholders}} as the English one.
 *
 * The refs are not listed by hand: like `backstage-cli translations export`,
 * the test walks the app's dependencies for frontend packages and loads every
 * translation ref they export. A Backstage upgrade that adds a ref or a key
 * fails here until the key is translated (see docs/translations.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  createTranslationResource,
  TranslationRef,
} from '@backstage/frontend-plugin-api';
import { backstageTranslations, qaztechAppTranslations } from './index';

const LANGUAGES = ['ru', 'kk'];
const WEB_ROLES = new Set([
  'frontend',
  'web-library',
  'frontend-plugin',
  'frontend-plugin-module',
]);
const appDir = path.resolve(__dirname, '../..');

type Resource = ReturnType<typeof createTranslationResource>;
type InternalRef = TranslationRef & {
  getDefaultMessages(): Record<string, string>;
  getDefaultResource(): Resource | undefined;
};
type InternalResource = Resource & {
  resources: Array<{
    language: string;
    loader(): Promise<{ messages: Record<string, string | null> }>;
  }>;
};

/** The frontend packages the app depends on, directly or through others. */
function frontendPackages(): Array<{ name: string; dir: string; json: any }> {
  const found = new Map<string, { name: string; dir: string; json: any }>();
  const visit = (json: any, dir: string, withDev: boolean) => {
    const deps = {
      ...json.dependencies,
      ...(withDev ? json.devDependencies : {}),
    };
    for (const name of Object.keys(deps)) {
      if (found.has(name)) continue;
      let jsonPath: string;
      try {
        jsonPath = require.resolve(`${name}/package.json`, { paths: [dir] });
      } catch {
        continue; // packages without an exported package.json are not Backstage's
      }
      const depJson = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
      if (!depJson.backstage) continue;
      const pkg = { name, dir: path.dirname(jsonPath), json: depJson };
      found.set(name, pkg);
      visit(depJson, pkg.dir, false);
    }
  };
  visit(
    JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')),
    appDir,
    true,
  );
  return [...found.values()].filter(p => WEB_ROLES.has(p.json.backstage.role));
}

/** Every translation ref the app's frontend packages export, by id. */
function translationRefs(): Map<string, { ref: InternalRef; from: string[] }> {
  const refs = new Map<string, { ref: InternalRef; from: string[] }>();
  for (const pkg of frontendPackages()) {
    const entryPoints = pkg.json.exports
      ? Object.keys(pkg.json.exports).filter(
          subpath => subpath !== './package.json' && !subpath.includes('*'),
        )
      : ['.'];
    for (const subpath of entryPoints) {
      const specifier =
        subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      const exports = require(specifier);
      for (const value of Object.values<any>(exports)) {
        if (value?.$$type !== '@backstage/TranslationRef') continue;
        const entry = refs.get(value.id) ?? {
          ref: value as InternalRef,
          from: [] as string[],
        };
        entry.from.push(specifier);
        refs.set(value.id, entry);
      }
    }
  }
  return refs;
}

/** Messages of a language, from the app's resources first, as the app does. */
async function messagesOf(
  ref: InternalRef,
  language: string,
): Promise<Record<string, string | null> | undefined> {
  const resources = [
    qaztechAppTranslations,
    ...backstageTranslations,
    ref.getDefaultResource(),
  ] as Array<InternalResource | undefined>;
  for (const resource of resources) {
    if (!resource || resource.id !== ref.id) continue;
    const entry = resource.resources.find(r => r.language === language);
    if (entry) return (await entry.loader()).messages;
  }
  return undefined;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Placeholders: i18next's {{name}} / {{name, format}} and material-table's {name}. */
function placeholders(message: string): string[] {
  const names = [
    ...[...message.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map(
      m => `{{${m[1]}}}`,
    ),
    ...[...message.matchAll(/(?<!\{)\{(\w+)\}(?!\})/g)].map(m => `{${m[1]}}`),
  ];
  return [...new Set(names)].sort();
}

/** What is missing or wrong in one language's messages of one ref. */
function problems(
  english: Record<string, string>,
  translated: Record<string, string | null>,
  language: string,
): string[] {
  const found: string[] = [];
  const categories = new Intl.PluralRules(language).resolvedOptions()
    .pluralCategories;
  const groups = new Map<string, string[]>();
  for (const key of Object.keys(english)) {
    const base = key.replace(PLURAL, '');
    groups.set(base, [...(groups.get(base) ?? []), key]);
  }
  for (const [base, keys] of groups) {
    const plural = keys.some(k => PLURAL.test(k));
    const needed = plural ? categories.map(c => `${base}_${c}`) : [base];
    const expected = placeholders(keys.map(k => english[k]).join(' '));
    for (const key of needed) {
      const message = translated[key];
      if (typeof message !== 'string' || message.trim() === '') {
        found.push(`${key}: no ${language} message`);
        continue;
      }
      // A plural form may leave out the count ("одно сообщение"), nothing else.
      const own = placeholders(message);
      const lost = expected.filter(
        p => !own.includes(p) && !(plural && p === '{{count}}'),
      );
      const unknown = own.filter(p => !expected.includes(p));
      if (lost.length || unknown.length) {
        found.push(
          `${key}: placeholders differ from English (lost ${lost.join(
            ' ',
          )}; unknown ${unknown.join(' ')})`,
        );
      }
    }
  }
  return found;
}

describe('translations of the app', () => {
  const refs = translationRefs();
  refs.set(qaztechAppTranslations.id, {
    ref: require('./ref').qaztechAppTranslationRef,
    from: ['app'],
  });

  it('finds the refs of Backstage and of the suite', () => {
    // Guards the discovery itself: without it an empty list would pass.
    for (const id of [
      'core-components',
      'catalog',
      'catalog-react',
      'scaffolder',
      'search',
      'plugin.notifications',
      'user-settings',
      'plugin.registry',
      'qaztech-app',
    ]) {
      expect(refs.has(id)).toBe(true);
    }
  });

  it.each(LANGUAGES)('has every key of every ref in %s', async language => {
    const report: string[] = [];
    let keys = 0;
    for (const [id, { ref, from }] of [...refs].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const english = ref.getDefaultMessages();
      keys += Object.keys(english).length;
      const translated = await messagesOf(ref, language);
      if (!translated) {
        report.push(`${id} (${from[0]}): no ${language} messages at all`);
        continue;
      }
      report.push(
        ...problems(english, translated, language).map(p => `${id}: ${p}`),
      );
    }
    expect(keys).toBeGreaterThan(1000);
    expect(report).toEqual([]);
  });

  it('keeps the exported English files in step with the installed refs', () => {
    // Stale files mean `yarn translations:export` was not run after an upgrade.
    const dir = path.join(appDir, 'translations');
    const manifest = JSON.parse(
      fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
    );
    const exported = Object.keys(manifest.refs).sort();
    const backstageRefs = [...refs]
      .filter(([, { from }]) => from.some(f => f.startsWith('@backstage/')))
      .map(([id]) => id)
      .sort();
    expect(exported).toEqual(backstageRefs);
    for (const id of exported) {
      const english = JSON.parse(
        fs.readFileSync(path.join(dir, 'messages', `${id}.en.json`), 'utf8'),
      );
      expect({ id, english }).toEqual({
        id,
        english: refs.get(id)!.ref.getDefaultMessages(),
      });
    }
  });

  it('catches a lost placeholder and a missing plural form', () => {
    expect(
      problems(
        {
          a: 'Hello {{name}}',
          n_one: '{{count}} item',
          n_other: '{{count}} items',
        },
        {
          a: 'Привет',
          n_one: '{{count}} элемент',
          n_other: '{{count}} элемента',
        },
        'ru',
      ),
    ).toEqual([
      'a: placeholders differ from English (lost {{name}}; unknown )',
      'n_few: no ru message',
      'n_many: no ru message',
    ]);
  });
});
