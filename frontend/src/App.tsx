import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { me, type Me } from './api';
import { PerItem } from './components/PerItem';
import { NO_WORKSPACE, landingFor, mayOpen } from './navigation';
import { NoWorkspacePage } from './pages/NoWorkspacePage';
import { RetentionPage } from './pages/RetentionPage';
import { UsersPage } from './pages/UsersPage';
import { AuditPage } from './pages/AuditPage';
import { DataSubjectsPage } from './pages/DataSubjectsPage';
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
import { PublicSurveyPage } from './pages/PublicSurveyPage';
import { SurveysPage } from './pages/SurveysPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { DistributionPage } from './pages/DistributionPage';
import { StaffingPage } from './pages/StaffingPage';
import { RecordingSamplesPage } from './pages/RecordingSamplesPage';
import { ChatsPage } from './pages/ChatsPage';

// the analysts' studio carries the bpmn.io editors: loaded only when opened
const StudioPage = lazy(() => import('./pages/studio/StudioPage').then((m) => ({ default: m.StudioPage })));

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
        <Route
          path="/"
          element={guard(user, (u) => (
            <Navigate to={landingFor(u)} replace />
          ))}
        />
        <Route
          path="/inbox"
          element={guard(
            user,
            (u) => (
              <InboxPage user={u} />
            ),
            '/inbox',
          )}
        />
        <Route
          path="/procedures"
          element={guard(
            user,
            (u) => (
              <ProceduresPage user={u} />
            ),
            '/procedures',
          )}
        />
        <Route
          path="/studio"
          element={guard(
            user,
            (u) => (
              <Suspense fallback={null}>
                <StudioPage user={u} />
              </Suspense>
            ),
            '/studio',
          )}
        />
        <Route
          path="/audit"
          element={guard(
            user,
            (u) => (
              <AuditPage user={u} />
            ),
            '/audit',
          )}
        />
        <Route
          path="/chats"
          element={guard(
            user,
            (u) => (
              <ChatsPage user={u} />
            ),
            '/chats',
          )}
        />
        <Route
          path="/notices"
          element={guard(
            user,
            (u) => (
              <NoticesPage user={u} />
            ),
            '/notices',
          )}
        />
        <Route
          path="/data-subjects"
          element={guard(
            user,
            (u) => (
              <DataSubjectsPage user={u} />
            ),
            '/data-subjects',
          )}
        />
        <Route
          path={NO_WORKSPACE}
          element={guard(user, (u) => (
            <NoWorkspacePage user={u} />
          ))}
        />
        <Route
          path="/tasks/:taskId"
          element={guard(user, (u) => (
            <PerItem>
              <TaskPage user={u} />
            </PerItem>
          ))}
        />
        <Route
          path="/tickets/new"
          element={guard(
            user,
            (u) => (
              <IntakePage user={u} />
            ),
            '/tickets/new',
          )}
        />
        <Route
          path="/tickets"
          element={guard(
            user,
            (u) => (
              <TicketSearchPage user={u} />
            ),
            '/tickets',
          )}
        />
        <Route
          path="/tickets/:number"
          element={guard(user, (u) => (
            <PerItem>
              <TicketPage user={u} />
            </PerItem>
          ))}
        />
        <Route
          path="/supervisor"
          element={guard(
            user,
            (u) => (
              <SupervisorPage user={u} />
            ),
            '/supervisor',
          )}
        />
        <Route
          path="/service-levels"
          element={guard(
            user,
            (u) => (
              <ServiceLevelsPage user={u} />
            ),
            '/service-levels',
          )}
        />
        <Route
          path="/activity"
          element={guard(
            user,
            (u) => (
              <ActivityPage user={u} />
            ),
            '/activity',
          )}
        />
        <Route
          path="/correspondence"
          element={guard(
            user,
            (u) => (
              <CorrespondencePage user={u} />
            ),
            '/correspondence',
          )}
        />
        <Route
          path="/correspondence/new"
          element={guard(user, (u) => (
            <NewLetterPage user={u} />
          ))}
        />
        <Route
          path="/correspondence/:number"
          element={guard(user, (u) => (
            <PerItem>
              <LetterPage user={u} />
            </PerItem>
          ))}
        />
        <Route
          path="/complaints"
          element={guard(
            user,
            (u) => (
              <ComplaintsPage user={u} />
            ),
            '/complaints',
          )}
        />
        <Route
          path="/complaints/new"
          element={guard(user, (u) => (
            <NewComplaintPage user={u} />
          ))}
        />
        <Route
          path="/complaints/:number"
          element={guard(user, (u) => (
            <PerItem>
              <ComplaintPage user={u} />
            </PerItem>
          ))}
        />
        <Route
          path="/kb"
          element={guard(
            user,
            (u) => (
              <KnowledgePage user={u} />
            ),
            '/kb',
          )}
        />
        <Route
          path="/kb/articles/:id"
          element={guard(user, (u) => (
            <PerItem>
              <KbArticlePage user={u} />
            </PerItem>
          ))}
        />
        <Route
          path="/kb/edit/:id"
          element={guard(user, (u) => (
            <PerItem>
              <KbEditPage user={u} />
            </PerItem>
          ))}
        />
        <Route path="/self-service/kb" element={<SelfServiceKbPage />} />
        <Route path="/self-service/kb/:id" element={<KbArticlePage />} />
        <Route path="/self-service/area" element={<SelfServiceAreaPage />} />
        <Route path="/self-service/area/requests/:number" element={<SelfServiceRequestPage />} />
        <Route path="/self-service/request" element={<CitizenRequestPage />} />
        <Route path="/self-service/requests/:token" element={<CitizenTrackingPage />} />
        <Route path="/self-service/survey/:token" element={<PublicSurveyPage />} />
        <Route path="/self-service/campaign/:token" element={<PublicSurveyPage web />} />
        <Route
          path="/contacts/:id"
          element={guard(user, (u) => (
            <PerItem>
              <ContactPage user={u} />
            </PerItem>
          ))}
        />
        <Route
          path="/surveys"
          element={guard(
            user,
            (u) => (
              <SurveysPage user={u} />
            ),
            '/surveys',
          )}
        />
        <Route
          path="/surveys/campaigns"
          element={guard(
            user,
            (u) => (
              <CampaignsPage user={u} />
            ),
            '/surveys',
          )}
        />
        <Route
          path="/canned-replies"
          element={guard(
            user,
            (u) => (
              <CannedRepliesPage user={u} />
            ),
            '/canned-replies',
          )}
        />
        <Route
          path="/retention"
          element={guard(
            user,
            (u) => (
              <RetentionPage user={u} />
            ),
            '/retention',
          )}
        />
        <Route
          path="/users"
          element={guard(
            user,
            (u) => (
              <UsersPage user={u} />
            ),
            '/users',
          )}
        />
        <Route
          path="/distribution"
          element={guard(
            user,
            (u) => (
              <DistributionPage user={u} />
            ),
            '/distribution',
          )}
        />
        <Route
          path="/staffing"
          element={guard(
            user,
            (u) => (
              <StaffingPage user={u} />
            ),
            '/staffing',
          )}
        />
        <Route
          path="/recording-samples"
          element={guard(
            user,
            (u) => (
              <RecordingSamplesPage user={u} />
            ),
            '/recording-samples',
          )}
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}

/**
 * The one route guard: the login for a visitor; for a tab's page (given its path), the user's own landing
 * when their roles may not use it.
 */
function guard(user: Me | null, page: (user: Me) => ReactElement, tab?: string) {
  if (!user) return <Navigate to="/login" replace />;
  return tab === undefined || mayOpen(user, tab) ? page(user) : <Navigate to={landingFor(user)} replace />;
}
