import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { QazTechWelcome } from './QazTechWelcome';

describe('QazTechWelcome', () => {
  it('speaks of information systems by default', async () => {
    await renderInTestApp(<QazTechWelcome />);
    expect(
      await screen.findByText(/Register of information systems:/),
    ).toBeInTheDocument();
  });

  it('speaks of digital systems when the Digital Code term set is configured', async () => {
    await renderInTestApp(<QazTechWelcome />, {
      config: { qaztech: { terminology: 'digital-system' } },
    });
    expect(
      await screen.findByText(/Register of digital systems:/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Every state digital systems/)).toBeInTheDocument();
    expect(screen.queryByText(/information system/)).not.toBeInTheDocument();
  });
});
