import { TEXT_ENCODING_LABELS, TEXT_ENCODINGS, type TextEncodingName } from '@/lib/io/decode-text';

// Which encoding a text file was read in, and the switch to read it in another one: the guess can
// be wrong (a KOI8-R file reads as Windows-1251), and garbled names in the preview say so.

interface EncodingChoiceProps {
  encoding: TextEncodingName;
  /** The encoding being read now, while the file is re-read. */
  rereading: TextEncodingName | null;
  error: string | null;
  onChange(encoding: TextEncodingName): void;
}

export function EncodingChoice({ encoding, rereading, error, onChange }: EncodingChoiceProps) {
  return (
    <div className="encoding-choice">
      <span data-testid="import-encoding">Read as {TEXT_ENCODING_LABELS[encoding]}.</span>{' '}
      <label>
        Names look wrong? Read it as{' '}
        <select aria-label="File encoding" value={rereading ?? encoding} disabled={rereading !== null} onChange={(e) => onChange(e.target.value as TextEncodingName)}>
          {TEXT_ENCODINGS.map((name) => (
            <option key={name} value={name}>{TEXT_ENCODING_LABELS[name]}</option>
          ))}
        </select>
      </label>
      {rereading && <span className="muted small"> Reading as {TEXT_ENCODING_LABELS[rereading]}…</span>}
      {error && <p className="error small" role="alert" data-testid="import-encoding-error">{error}</p>}
    </div>
  );
}
