import { useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { me, type Me } from './api';
import { ActivityPage } from './pages/ActivityPage';
import { InboxPage } from './pages/InboxPage';
import { KbArticlePage } from './pages/KbArticlePage';
import { KbEditPage } from './pages/KbEditPage';
import { KnowledgePage } from './pages/KnowledgePage';
import { SelfServiceKbPage } from './pages/SelfServiceKbPage';
import { IntakePage } from './pages/IntakePage';
import { LoginPage } from './pages/LoginPage';
import { SupervisorPage } from './pages/SupervisorPage';
import { ServiceLevelsPage } from './pages/ServiceLevelsPage';
import { TaskPage } from './pages/TaskPage';
import { ScreenPopHost } from './components/ScreenPop';
import { CorrespondencePage } from './pages/CorrespondencePage';
import { LetterPage } from './pages/LetterPage';
import { NewLetterPage } from './pages/NewLetterPage';
import { ComplaintsPage } from './pages/ComplaintsPage';
import { ComplaintPage } from './pages/ComplaintPage';
import { NewComplaintPage } from './pages/NewComplaintPage';

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
        <Route path="/" element={user ? <InboxPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/tasks/:taskId" element={user ? <TaskPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/tickets/new" element={user ? <IntakePage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/supervisor" element={user ? <SupervisorPage user={user} /> : <Navigate to="/login" replace />} />
        <Route
          path="/service-levels"
          element={user ? <ServiceLevelsPage user={user} /> : <Navigate to="/login" replace />}
        />
        <Route path="/activity" element={user ? <ActivityPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/correspondence" element={user ? <CorrespondencePage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/correspondence/new" element={user ? <NewLetterPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/correspondence/:number" element={user ? <LetterPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/complaints" element={user ? <ComplaintsPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/complaints/new" element={user ? <NewComplaintPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/complaints/:number" element={user ? <ComplaintPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/kb" element={user ? <KnowledgePage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/kb/articles/:id" element={user ? <KbArticlePage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/kb/edit/:id" element={user ? <KbEditPage user={user} /> : <Navigate to="/login" replace />} />
        <Route path="/self-service/kb" element={<SelfServiceKbPage />} />
        <Route path="/self-service/kb/:id" element={<KbArticlePage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}
