import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { errorBody, request } from '../../__testUtils__/fixtures';
import {
  APPLICANT,
  MORATORIUM_URL,
  renderWithMoratorium,
} from '../../__testUtils__/renderWithMoratorium';
import { RequestPage } from './RequestPage';

const MEMBER = {
  userEntityRef: 'user:default/member3',
  ownershipEntityRefs: ['user:default/member3', 'group:default/commission'],
};

function renderAs(identity: typeof MEMBER) {
  return renderWithMoratorium(<RequestPage />, {
    mountPath: '/moratorium/requests/:id',
    path: '/moratorium/requests/r1',
    identity,
  });
}

// A loaded machine renders the page slowly; wait for it.
configure({ asyncUtilTimeout: 10_000 });

describe('VotePanel', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  jest.setTimeout(20_000);

  it('lets a member vote with an opinion and shows the new tally', async () => {
    const votes: any[] = [];
    server.use(
      http.get(`${MORATORIUM_URL}/requests/r1`, () =>
        HttpResponse.json(request({ allowedActions: [] })),
      ),
      http.post(
        `${MORATORIUM_URL}/requests/r1/votes`,
        async ({ request: r }) => {
          votes.push(await r.json());
          const base = request();
          return HttpResponse.json(
            request({
              allowedActions: [],
              votes: [
                ...base.votes,
                {
                  member: 'user:default/member3',
                  choice: 'against',
                  opinion: 'The platform can be extended',
                  at: '2026-03-02T06:00:00.000Z',
                },
              ],
              tally: { ...base.tally!, against: 1 },
            }),
          );
        },
      ),
    );
    await renderAs(MEMBER);

    // The first render of the file is the slowest.
    const panel = await screen.findByRole(
      'region',
      { name: 'Your vote' },
      { timeout: 10_000 },
    );
    const cast = within(panel).getByRole('button', { name: 'Cast vote' });
    expect(cast).toBeDisabled();
    await userEvent.click(within(panel).getByLabelText('Against'));
    await userEvent.click(within(panel).getByLabelText('Opinion'));
    await userEvent.paste('The platform can be extended');
    await userEvent.click(cast);

    expect(
      await within(panel).findByText('Your vote is recorded'),
    ).toBeInTheDocument();
    expect(votes).toEqual([
      { choice: 'against', opinion: 'The platform can be extended' },
    ]);
    expect(within(panel).getByText('You voted: Against')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Votes' });
    expect(
      within(table).getByText('The platform can be extended'),
    ).toBeInTheDocument();
  });

  it('shows a member only their own vote and how many voted while the ballot is secret', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/requests/r1`, () =>
        HttpResponse.json(
          request({
            allowedActions: [],
            tally: undefined,
            ballot: { round: 1, votesCast: 2, eligible: 3, secret: true },
            votes: [
              {
                member: 'user:default/member3',
                choice: 'for',
                at: '2026-03-02T06:00:00.000Z',
                round: 1,
              },
            ],
          }),
        ),
      ),
    );
    await renderAs(MEMBER);

    const panel = await screen.findByRole(
      'region',
      { name: 'Your vote' },
      { timeout: 10_000 },
    );
    expect(within(panel).getByText('You voted: For')).toBeInTheDocument();
    expect(
      within(panel).getByText('You vote on this draft decision'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('2 of 3 members have voted').length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText(
        'Secret ballot: who voted what, and the tally, are shown with the decision.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Quorum reached')).not.toBeInTheDocument();
    expect(screen.queryByText('user:default/member1')).not.toBeInTheDocument();
  });

  it('shows the server refusal, e.g. a conflict of interest it knows of', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/requests/r1`, () =>
        HttpResponse.json(request({ allowedActions: [] })),
      ),
      http.post(`${MORATORIUM_URL}/requests/r1/votes`, () =>
        HttpResponse.json(
          errorBody('NotAllowedError', 'member3 is conflicted', 403),
          { status: 403 },
        ),
      ),
    );
    await renderAs(MEMBER);

    const panel = await screen.findByRole('region', { name: 'Your vote' });
    await userEvent.click(within(panel).getByLabelText('Recuse'));
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Cast vote' }),
    );

    expect(
      await within(panel).findByText('member3 is conflicted'),
    ).toBeInTheDocument();
  });

  it('tells the applicant they cannot vote on their own request', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/requests/r1`, () =>
        HttpResponse.json(request({ allowedActions: [] })),
      ),
    );
    await renderAs(APPLICANT);

    const panel = await screen.findByRole('region', { name: 'Your vote' });
    expect(
      within(panel).getByText(
        'You cannot vote on this request: you submitted it or it comes from your state body.',
      ),
    ).toBeInTheDocument();
    expect(
      within(panel).queryByRole('button', { name: 'Cast vote' }),
    ).not.toBeInTheDocument();
  });

  it('offers no vote once the request is decided', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/requests/r1`, () =>
        HttpResponse.json(request({ state: 'approved', allowedActions: [] })),
      ),
    );
    await renderAs(MEMBER);

    await screen.findByRole('heading', { name: 'Request EX-2026-0001' });
    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Votes' })).toBeInTheDocument(),
    );
    expect(
      screen.queryByRole('region', { name: 'Your vote' }),
    ).not.toBeInTheDocument();
  });
});
