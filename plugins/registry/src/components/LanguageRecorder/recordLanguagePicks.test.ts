import { recordLanguagePicks } from './recordLanguagePicks';

/** An app language API whose language the test switches, as Settings does. */
function languages(initial: string) {
  const listeners: Array<(v: { language: string }) => void> = [];
  return {
    api: {
      language$: () => ({
        subscribe(next: (v: { language: string }) => void) {
          listeners.push(next);
          next({ language: initial });
          return {
            unsubscribe: () => listeners.splice(listeners.indexOf(next), 1),
            closed: false,
          };
        },
        [Symbol.observable]() {
          return this;
        },
      }),
    } as any,
    pick(language: string) {
      listeners.forEach(l => l({ language }));
    },
  };
}

function registry(recorded: { language: 'ru' | 'kk' | 'en'; picked: boolean }) {
  const saved: string[] = [];
  return {
    saved,
    api: {
      getMyLanguage: async () => recorded,
      setMyLanguage: async (language: 'ru' | 'kk' | 'en') => {
        saved.push(language);
      },
    },
  };
}

const settle = () => new Promise(r => setTimeout(r, 0));

describe('recordLanguagePicks', () => {
  it('records every language the user picks after the app started', async () => {
    const app = languages('ru');
    const backend = registry({ language: 'ru', picked: false });
    const subscription = recordLanguagePicks(app.api, backend.api);
    await settle();
    expect(backend.saved).toEqual([]);
    app.pick('kk');
    app.pick('ru');
    await settle();
    expect(backend.saved).toEqual(['kk', 'ru']);
    subscription.unsubscribe();
    app.pick('en');
    expect(backend.saved).toEqual(['kk', 'ru']);
  });

  it('records a language picked in this browser before, unless one is recorded', async () => {
    const before = registry({ language: 'ru', picked: false });
    recordLanguagePicks(languages('kk').api, before.api);
    await settle();
    expect(before.saved).toEqual(['kk']);

    // Picked on another computer: this browser's language does not win.
    const elsewhere = registry({ language: 'en', picked: true });
    recordLanguagePicks(languages('kk').api, elsewhere.api);
    await settle();
    expect(elsewhere.saved).toEqual([]);
  });
});
