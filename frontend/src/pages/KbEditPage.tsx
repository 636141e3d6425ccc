import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  ApiError,
  articleDiff,
  articleVersions,
  createArticle,
  kbArticle,
  submitArticle,
  updateArticle,
  type ArticleStatus,
  type ArticleVersion,
  type Audience,
  type FieldError,
  type Me,
} from '../api';
import { CategoryPicker } from '../components/CategoryPicker';
import { DiffView } from '../components/DiffView';
import { Layout } from '../components/Layout';
import { Markdown } from '../components/Markdown';
import { Message } from '../components/Message';
import { useDocumentTitle } from '../components/useDocumentTitle';

const AUDIENCES: Audience[] = ['PUBLIC', 'FRONT_OFFICE', 'BACK_OFFICE'];

/** An author writes a draft (one language at a time), saves versions, sees the diff, submits it. */
export function KbEditPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { id = 'new' } = useParams();
  const navigate = useNavigate();
  const articleId = id === 'new' ? undefined : Number(id);
  const [language, setLanguage] = useState('it');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<Audience>('PUBLIC');
  const [tags, setTags] = useState('');
  const [categoryCode, setCategoryCode] = useState('');
  const [changeNote, setChangeNote] = useState('');
  const [status, setStatus] = useState<ArticleStatus>('DRAFT');
  const [versions, setVersions] = useState<ArticleVersion[]>([]);
  const [diff, setDiff] = useState<{ lines: string[]; from: number; to: number }>();
  const [message, setMessage] = useState<{ kind: 'danger' | 'success'; text: string; errors?: FieldError[] }>();

  useEffect(() => {
    if (!articleId) return;
    kbArticle(articleId).then((article) => {
      const variant = article.variants[0];
      setLanguage(variant?.language ?? 'it');
      setTitle(variant?.title ?? '');
      setSavedTitle(variant?.title ?? '');
      setSummary(variant?.summary ?? '');
      setBody(variant?.body ?? '');
      setAudience(article.audience);
      setTags(article.tags.join(', '));
      setCategoryCode(article.categoryCode ?? '');
      setStatus(article.status);
    });
    articleVersions(articleId).then(setVersions, () => setVersions([]));
  }, [articleId]);

  function input() {
    return {
      categoryCode: categoryCode.trim() || undefined,
      audience,
      tags: tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      variants: [{ language, title, summary, body }],
      changeNote: changeNote || undefined,
    };
  }

  function fail(error: unknown) {
    if (error instanceof ApiError && error.status === 400) {
      setMessage({ kind: 'danger', text: t('kb.invalid'), errors: error.errors });
    } else {
      setMessage({
        kind: 'danger',
        text: error instanceof ApiError && error.status === 409 ? error.detail : t('errors.generic'),
      });
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const saved = articleId ? await updateArticle(articleId, input()) : await createArticle(input());
      setMessage({ kind: 'success', text: t('kb.saved', { version: saved.version }) });
      setChangeNote('');
      setSavedTitle(title);
      if (!articleId) navigate(`/kb/edit/${saved.id}`, { replace: true });
      else setVersions(await articleVersions(saved.id));
    } catch (error) {
      fail(error);
    }
  }

  async function submit() {
    if (!articleId) return;
    try {
      const submitted = await submitArticle(articleId);
      setStatus(submitted.status);
      setMessage({ kind: 'success', text: t('kb.submitted') });
    } catch (error) {
      fail(error);
    }
  }

  const editable = status === 'DRAFT' || status === 'WITHDRAWN';
  const [savedTitle, setSavedTitle] = useState('');
  useDocumentTitle(articleId ? savedTitle || t('kb.editTitle', { id: articleId }) : t('kb.newArticle'));
  return (
    <Layout user={user}>
      <p>
        <Link to="/kb">{t('kb.backToSearch')}</Link>
      </p>
      <h1 className="h2">
        {articleId ? t('kb.editTitle', { id: articleId }) : t('kb.newArticle')}
        {savedTitle && <> · {savedTitle}</>}
      </h1>
      <p>
        {t('kb.status')}: <strong>{t(`kb.statuses.${status}`)}</strong>
      </p>
      <Message kind={message?.kind} text={message?.text} errors={message?.errors} />
      <form onSubmit={(event) => void save(event)}>
        <fieldset disabled={!editable}>
          <legend className="visually-hidden">{t('kb.content')}</legend>
          <div className="row g-3">
            <div className="col-md-3">
              <label htmlFor="kb-language" className="form-label">
                {t('kb.language')}
              </label>
              <select
                id="kb-language"
                className="form-select"
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
              >
                {['it', 'en', 'de', 'fr'].map((code) => (
                  <option key={code} value={code}>
                    {t(`contact.languages.${code}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-md-3">
              <label htmlFor="kb-audience" className="form-label">
                {t('kb.audience')}
              </label>
              <select
                id="kb-audience"
                className="form-select"
                value={audience}
                onChange={(e) => setAudience(e.target.value as Audience)}
              >
                {AUDIENCES.map((value) => (
                  <option key={value} value={value}>
                    {t(`kb.audiences.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-md-6">
              <CategoryPicker value={categoryCode} onChange={setCategoryCode} />
            </div>
            <div className="col-md-6">
              <label htmlFor="kb-tags" className="form-label">
                {t('kb.tags')}
              </label>
              <input
                id="kb-tags"
                type="text"
                className="form-control"
                value={tags}
                onChange={(e) => setTags(e.target.value)}
              />
            </div>
            <div className="col-12">
              <label htmlFor="kb-title" className="form-label">
                {t('kb.articleTitle')}
              </label>
              <input
                id="kb-title"
                type="text"
                className="form-control"
                required
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
            </div>
            <div className="col-12">
              <label htmlFor="kb-summary" className="form-label">
                {t('kb.summary')}
              </label>
              <textarea
                id="kb-summary"
                className="form-control"
                rows={2}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
              />
            </div>
            <div className="col-lg-6">
              <label htmlFor="kb-body" className="form-label">
                {t('kb.body')}
              </label>
              <textarea
                id="kb-body"
                className="form-control font-monospace"
                rows={14}
                value={body}
                aria-describedby="kb-body-help"
                onChange={(e) => setBody(e.target.value)}
              />
              <p id="kb-body-help" className="small mb-0">
                {t('kb.markdownHelp')}
              </p>
            </div>
            <section className="col-lg-6" aria-labelledby="kb-preview-title">
              <h2 id="kb-preview-title" className="form-label fs-6 fw-normal mb-2">
                {t('kb.preview')}
              </h2>
              <div className="border rounded p-2" style={{ minHeight: '10rem' }} data-testid="kb-preview">
                {body.trim() ? <Markdown source={body} /> : <p className="text-muted mb-0">{t('kb.previewEmpty')}</p>}
              </div>
            </section>
            <div className="col-12">
              <label htmlFor="kb-note" className="form-label">
                {t('kb.changeNote')}
              </label>
              <input
                id="kb-note"
                type="text"
                className="form-control"
                value={changeNote}
                onChange={(e) => setChangeNote(e.target.value)}
              />
            </div>
          </div>
          <div className="d-flex gap-2 mt-3">
            <button type="submit" className="btn btn-primary">
              {t('kb.save')}
            </button>
            {articleId && (
              <button type="button" className="btn btn-outline-primary" onClick={() => void submit()}>
                {t('kb.submit')}
              </button>
            )}
          </div>
        </fieldset>
      </form>
      {versions.length > 0 && (
        <section aria-labelledby="kb-versions-title" className="mt-4">
          <h2 id="kb-versions-title" className="h4">
            {t('kb.versions')}
          </h2>
          <ol className="list-unstyled">
            {versions.map((version) => (
              <li key={version.version} className="mb-1">
                {t('kb.versionLine', {
                  version: version.version,
                  author: version.author,
                  at: new Date(version.createdAt).toLocaleString(i18n.language),
                })}
                {version.changeNote && <> · {version.changeNote}</>}
                {version.version > 1 && articleId && (
                  <button
                    type="button"
                    className="btn btn-link btn-sm"
                    onClick={() =>
                      void articleDiff(articleId, version.version - 1, version.version).then((d) =>
                        setDiff({ lines: d.lines, from: version.version - 1, to: version.version }),
                      )
                    }
                  >
                    {t('kb.showDiff', { version: version.version })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {diff && <DiffView lines={diff.lines} from={diff.from} to={diff.to} />}
        </section>
      )}
    </Layout>
  );
}
