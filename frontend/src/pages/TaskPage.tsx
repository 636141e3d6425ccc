import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, claim as claimTask, isFourEyes, task as loadTask, taskForm, type Me, type WorkItem } from '../api';
import { Collision } from '../components/Collision';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { useShortcuts } from '../lib/shortcuts';
import { CaseTask, DataSubjectTask, KbTask } from './task/CaseTask';
import { TicketTask } from './task/TicketTask';

/** The kinds of task by the process they belong to (the process definition key the task API returns). */
type TaskKind = 'ticket' | 'letter' | 'complaint' | 'kb' | 'dataSubject';
const KIND_OF_PROCESS: Record<string, TaskKind> = {
  correspondence: 'letter',
  complaint: 'complaint',
  'kb-publication': 'kb',
  'data-subject-request': 'dataSubject',
  ticket: 'ticket',
  'office-involvement': 'ticket',
  callback: 'ticket',
};

/** The kinds of case a process that serves several says its task is about (the task's subjectKind). */
const KIND_OF_SUBJECT: Record<string, TaskKind> = { LETTER: 'letter', COMPLAINT: 'complaint' };

function kindOf(work: WorkItem): TaskKind {
  // the four-eyes approval serves letters and complaints alike: the task says which (its subjectKind)
  if (work.subjectKind) return KIND_OF_SUBJECT[work.subjectKind] ?? 'ticket';
  return KIND_OF_PROCESS[work.processKey] ?? 'ticket';
}

/** The workspace of a task: its form beside what it is about, by the kind of task. */
export function TaskPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const { taskId = '' } = useParams();
  const [work, setWork] = useState<WorkItem>();
  const [schema, setSchema] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [help, setHelp] = useState(false);
  const [taken, setTaken] = useState<string>();

  const failed = useCallback(
    (error: unknown) => {
      const status = error instanceof ApiError ? error.status : undefined;
      setMessage(status === 403 ? t('errors.forbidden') : status === 404 ? t('task.notFound') : t('errors.generic'));
    },
    [t],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([loadTask(taskId), taskForm(taskId).catch(() => undefined)]).then(
      ([item, formSchema]) => {
        if (cancelled) return;
        setWork(item);
        setSchema(formSchema);
      },
      (error) => !cancelled && failed(error),
    );
    return () => {
      cancelled = true;
    };
  }, [taskId, failed]);

  async function take() {
    if (!work || work.assignee) return;
    try {
      setWork(await claimTask(work.id));
      setTaken(t('task.taken'));
    } catch (error) {
      setMessage(isFourEyes(error) ? t('errors.fourEyes') : t('errors.conflict'));
    }
  }

  /** r reply, n internal note, t take, Ctrl+Enter complete (the form's), ? the list (never while typing). */
  useShortcuts({
    r: () => document.querySelector<HTMLElement>('[data-reply-box]')?.focus(),
    n: () =>
      document
        .querySelector<HTMLElement>('[data-note-box], .task-form textarea[id$="Field_note"], .task-form [name="note"]')
        ?.focus(),
    t: () => void take(),
    '?': () => setHelp(true),
  });

  const bar = work && (
    <>
      {work.businessKey && <Collision number={work.businessKey} zone={user.zone} />}
      <p className="d-flex flex-wrap align-items-center gap-2 small">
        {work.assignee ? (
          <span>{t('inbox.assignedTo', { user: work.assignee })}</span>
        ) : (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void take()}>
            {t('inbox.claim')}
          </button>
        )}
        <span role="status">{taken}</span>
        <button type="button" className="btn btn-link btn-sm p-0" aria-haspopup="dialog" onClick={() => setHelp(true)}>
          {t('shortcuts.open')}
        </button>
      </p>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      <Message text={message} errors={[]} />
    </>
  );
  const kind = work && kindOf(work);

  return (
    <Layout user={user}>
      <p>
        <Link to="/inbox">{t('task.back')}</Link>
      </p>
      {!work && <Message text={message} errors={[]} />}
      {work && kind === 'ticket' && <TicketTask user={user} work={work} schema={schema} bar={bar} onError={failed} />}
      {work && kind !== 'ticket' && (
        <>
          {bar}
          {kind === 'kb' ? (
            <KbTask work={work} schema={schema} />
          ) : kind === 'dataSubject' ? (
            <DataSubjectTask work={work} schema={schema} />
          ) : (
            <CaseTask work={work} schema={schema} kind={kind === 'letter' ? 'letter' : 'complaint'} onError={failed} />
          )}
        </>
      )}
    </Layout>
  );
}
