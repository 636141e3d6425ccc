import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kbCategories, type Category } from '../api';

/**
 * The classification picked from the tree, one level at a time (topic, then reason, then any
 * deeper level), never typed. `value` is the picked node's code; the path to it is loaded on open.
 */
export function CategoryPicker({
  value,
  onChange,
  load = kbCategories,
  disabled,
}: {
  value: string;
  onChange: (code: string) => void;
  load?: (parent?: number) => Promise<Category[]>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  // levels[i]: the options of level i; path[i]: the node picked at level i
  const [levels, setLevels] = useState<Category[][]>([]);
  const [path, setPath] = useState<Category[]>([]);
  const [error, setError] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const newLevels: Category[][] = [await load()];
        const newPath: Category[] = [];
        // find the current value's path by walking down (the tree is shallow: topic, reason, ...)
        if (value) {
          const found = await findPath(load, newLevels[0], value);
          for (const node of found) {
            newPath.push(node);
            newLevels.push(await load(node.id));
          }
        }
        if (!cancelled) {
          setLevels(newLevels.filter((level, index) => index === 0 || level.length > 0));
          setPath(newPath);
        }
      } catch {
        if (!cancelled) setError(true);
      }
    })();
    return () => {
      cancelled = true;
    };
    // the path is loaded once per article; later picks update it locally
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, value === '' ? '' : 'set']);

  async function pick(level: number, nodeId: string) {
    const node = levels[level].find((candidate) => String(candidate.id) === nodeId);
    const newPath = [...path.slice(0, level), ...(node ? [node] : [])];
    const newLevels = levels.slice(0, level + 1);
    if (node) {
      const children = await load(node.id).catch(() => []);
      if (children.length > 0) newLevels.push(children);
    }
    setPath(newPath);
    setLevels(newLevels);
    onChange(newPath.length > 0 ? newPath[newPath.length - 1].code : '');
  }

  return (
    <fieldset className="kb-category-picker" disabled={disabled}>
      <legend className="form-label fs-6 mb-1">{t('kb.category')}</legend>
      {error && <p className="small text-danger">{t('errors.generic')}</p>}
      {levels.map((options, level) => (
        <div key={level} className="mb-2">
          <label htmlFor={`${id}-${level}`} className="form-label small mb-0">
            {t(level === 0 ? 'kb.categoryTopic' : level === 1 ? 'kb.categoryReason' : 'kb.categoryDetail')}
          </label>
          <select
            id={`${id}-${level}`}
            className="form-select"
            value={path[level] ? String(path[level].id) : ''}
            onChange={(event) => void pick(level, event.target.value)}
          >
            <option value="">{t(level === 0 ? 'kb.categoryNone' : 'kb.categoryWhole')}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}

/** The nodes from a topic down to the node of this code (breadth-first, one level at a time). */
async function findPath(
  load: (parent?: number) => Promise<Category[]>,
  topics: Category[],
  code: string,
): Promise<Category[]> {
  let frontier: Category[][] = topics.map((topic) => [topic]);
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const hit = frontier.find((trail) => trail[trail.length - 1].code === code);
    if (hit) return hit;
    const next: Category[][] = [];
    for (const trail of frontier) {
      const children = await load(trail[trail.length - 1].id);
      children.forEach((child) => next.push([...trail, child]));
    }
    frontier = next;
  }
  return [];
}
