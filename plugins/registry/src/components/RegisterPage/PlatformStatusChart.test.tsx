import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { RegistryOwnerStats } from '../../api';
import { PlatformStatusChart } from './PlatformStatusChart';

function body(index: number): RegistryOwnerStats {
  return {
    ref: `group:default/body-${index}`,
    title: `Body ${index}`,
    total: index,
    byPlatformStatus: { 'on-platform': index - 1, violation: 1 },
  };
}

describe('PlatformStatusChart', () => {
  it('shows the fifteen state bodies with the most systems, largest first', async () => {
    const bodies = Array.from({ length: 17 }, (_, i) => body(i + 1));
    await renderInTestApp(<PlatformStatusChart byOwner={bodies} />);

    const bars = screen.getAllByRole('group', { name: /in total$/ });
    expect(bars).toHaveLength(15);
    expect(bars[0]).toHaveAccessibleName('Body 17: 17 in total');
    expect(bars[14]).toHaveAccessibleName('Body 3: 3 in total');
    expect(screen.queryByText('Body 2')).not.toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Body 17: On the platform — 16' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The 15 state bodies with the most systems'),
    ).toBeInTheDocument();
    // The legend names every status.
    for (const status of [
      'On the platform',
      'Legacy, migrating',
      'Exempted',
      'In violation',
    ]) {
      expect(screen.getByText(status)).toBeInTheDocument();
    }
  });

  it('says so when the register is empty', async () => {
    await renderInTestApp(<PlatformStatusChart byOwner={[]} />);
    expect(screen.getByText('The register is empty')).toBeInTheDocument();
  });
});
