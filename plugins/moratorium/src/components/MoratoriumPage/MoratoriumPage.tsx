import { Route, Routes } from 'react-router-dom';
import { RequestPage } from '../RequestPage';
import { RequestWizard } from '../RequestWizard';
import { SittingPage } from '../SittingPage';
import { MoratoriumHome } from './MoratoriumHome';

/**
 * The moratorium's pages under its mount path: the tabs at the root, the
 * wizard at `new`, a request at `requests/:id` (and its editor at
 * `requests/:id/edit`), a sitting's agenda at `sittings/:id`.
 *
 * @public
 */
export function MoratoriumPage() {
  return (
    <Routes>
      <Route path="/" element={<MoratoriumHome />} />
      <Route path="/new" element={<RequestWizard />} />
      <Route path="/requests/:id" element={<RequestPage />} />
      <Route path="/requests/:id/edit" element={<RequestWizard />} />
      <Route path="/sittings/:id" element={<SittingPage />} />
    </Routes>
  );
}
