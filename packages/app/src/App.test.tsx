import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('opens on the sign-in page, in Russian, offering a person per role', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: {
              title: 'Test',
              extensions: [
                {
                  'api:app/app-language': {
                    config: {
                      defaultLanguage: 'ru',
                      availableLanguages: ['ru', 'kk', 'en'],
                    },
                  },
                },
              ],
            },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
            qaztech: {
              signIn: {
                demoUsers: [
                  {
                    name: 'gulnara.akhmetova',
                    displayName: 'Гульнара Ахметова',
                    role: 'secretary',
                  },
                ],
              },
            },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(
      // The app loads its features and translations lazily: allow more than
      // findBy's default second on a busy machine.
      await screen.findByRole(
        'heading',
        { name: 'Вход в QazTech' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Гульнара Ахметова')).toBeInTheDocument();
    expect(screen.getByText('Секретарь комиссии')).toBeInTheDocument();
  }, 30_000);
});
