import { useEffect, useState, type ReactElement } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { me, type Me } from './api';
import { PerItem } from './components/PerItem';
import { NO_WORKSPACE, landingFor, mayOpen } from './navigation';
import { NoWorkspacePage } from './pages/NoWorkspacePage';
import { AuditPage } from './pages/AuditPage';
import { ProceduresPage } from './pages/ProceduresPage';
import { ActivityPage } from './pages/ActivityPage';
import { InboxPage } from './pages/InboxPage';
import { KbArticlePage } from './pages/KbArticlePage';
import { KbEditPage } from './pages/KbEditPage';
import { KnowledgePage } from './pages/KnowledgePage';
import { SelfServiceKbPage } from './pages/SelfServiceKbPage';
import { SelfServiceAreaPage } from './pages/SelfServiceAreaPage';
import { SelfServiceRequestPage } from './pages/SelfServiceRequestPage';
import { IntakePage } from './pages/IntakePage';
import { LoginPage } from './pages/LoginPage';
import { SupervisorPage } from './pages/SupervisorPage';
import { ServiceLevelsPage } from './pages/ServiceLevelsPage';
import { TaskPage } from './pages/TaskPage';
import { TicketPage } from './pages/TicketPage';
import { ScreenPopHost } from './components/ScreenPop';
import { CorrespondencePage } from './pages/CorrespondencePage';
import { LetterPage } from './pages/LetterPage';
import { NewLetterPage } from './pages/NewLetterPage';
import { ComplaintsPage } from './pages/ComplaintsPage';
import { ComplaintPage } from './pages/ComplaintPage';
import { NewComplaintPage } from './pages/NewComplaintPage';
import { TicketSearchPage } from './pages/TicketSearchPage';
import { ContactPage } from './pages/ContactPage';
import { CannedRepliesPage } from './pages/CannedRepliesPage';
import { CitizenRequestPage } from './pages/CitizenRequestPage';
import { CitizenTrackingPage } from './pages/CitizenTrackingPage';
import { NoticesPage } from './pages/NoticesPage';

export function App() {
  const [user, setUser] = useState<Me | null>();

  useEffect(() => {
    me().then(setUser, () => setUser(null));
  }, []);

  if (user === undefined) return null;
  return (
    <BrowserRouter>
      {user && <ScreenPopHost user={user} />}
      <Routes>
        <Route path="/login" element={<LoginPage onLogin={setUser} />} />
        <Route path="/" element={user ? <Navigate to={landingFor(user)} replace /> : <Navigate to="/login" replace />} />
        <Route path="/inbox" element={place(user, '/inbox', (u) => <InboxPage user={u} />)} />
        <Route path="/procedures" element={place(user, '/procedures', (u) => <ProceduresPage user={u} />)} />
        <Route path="/audit" element={place(user, '/audit', (u) => <AuditPage user={u} />)} />
        <Route path="/notices" element={place(user, '/notices', (u) => <NoticesPage user={u} />)} />
        <Route path={NO_WORKSPACE} element={user ? <NoWorkspacePage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/tasks/:taskId" element={user ? <PerItem><TaskPage user={user} /></PerItem> : <Navigate to="/login" replace />} />
        <Route path="/tickets/new" element={place(user, '/tickets/new', (u) => <IntakePage user={u} />)} />
        <Route path="/tickets" element={place(user, '/tickets', (u) => <TicketSearchPage user={u} />)} />
        <Route path="/tickets/:number" element={user ? <PerItem><TicketPage user={user} /></PerItem> : <Navigate to="/login" replace />} />
        <Route path="/supervisor" element={place(user, '/supervisor', (u) => <SupervisorPage user={u} />)} />
        <Route path="/service-levels" element={place(user, '/service-levels', (u) => <ServiceLevelsPage user={u} />)} />
        <Route path="/activity" element={place(user, '/activity', (u) => <ActivityPage user={u} />)} />
        <Route path="/correspondence" element={place(user, '/correspondence', (u) => <CorrespondencePage user={u} />)} />
        <Route path="/correspondence/new" element={user ? <NewLetterPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/correspondence/:number" element={user ? <PerItem><LetterPage user={user} /></PerItem> : <Navigate to="/login" replace />} />
        <Route path="/complaints" element={place(user, '/complaints', (u) => <ComplaintsPage user={u} />)} />
        <Route path="/complaints/new" element={user ? <NewComplaintPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/complaints/:number" element={user ? <PerItem><ComplaintPage user={user} /></PerItem> : <Navigate to="/login" replace />} />
        <Route path="/kb" element={place(user, '/kb', (u) => <KnowledgePage user={u} />)} />
        <Route path="/kb/articles/:id" element={user ? <PerItem><KbArticlePage user={user} /></PerItem> : <Navigate to="/login" replace />} />
        <Route path="/kb/edit/:id" element={user ? <PerItem><KbEditPage user={user} /></PerItem> : <Navigate to="/login" replace />} />
        <Route path="/self-service/kb" element={<SelfServiceKbPage />} />
        <Route path="/self-service/kb/:id" element={<KbArticlePage />} />
        <Route path="/self-service/area" element={<SelfServiceAreaPage />} />
        <Route path="/self-service/area/requests/:number" element={<SelfServiceRequestPage />} />
        <Route path="/self-service/request" element={<CitizenRequestPage />} />
        <Route path="/self-service/requests/:token" element={<CitizenTrackingPage />} />
        <Route path="/contacts/:id" element={user ? <PerItem><ContactPage user={user} /></PerItem> : <Navigate to="/login" replace />} />
        <Route path="/canned-replies" element={place(user, '/canned-replies', (u) => <CannedRepliesPage user={u} />)} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}

/** A tab's page: the login for a visitor, the user's own landing when their roles may not use it. */
function place(user: Me | null, path: string, page: (user: Me) => ReactElement) {
  if (!user) return <Navigate to="/login" replace />;
  return mayOpen(user, path) ? page(user) : <Navigate to={landingFor(user)} replace />;
}
