import { useTranslation } from 'react-i18next';
import { LEGAL_BASES, type LegalBasis } from '../surveyApi';

/** The legal basis of a questionnaire or a campaign (GDPR art. 6), with its label. */
export function LegalBasisField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: LegalBasis;
  onChange: (basis: LegalBasis) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id} className="form-label">
        {t('surveys.fields.legalBasis')}
      </label>
      <select
        id={id}
        className="form-select"
        value={value}
        onChange={(event) => onChange(event.target.value as LegalBasis)}
      >
        {LEGAL_BASES.map((basis) => (
          <option key={basis} value={basis}>
            {t(`surveys.legalBases.${basis}`)}
          </option>
        ))}
      </select>
    </>
  );
}
