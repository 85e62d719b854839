import { highlightParts } from '../highlight';

interface HighlightedTextProps {
  text: string;
  /** The API's `[start, end)` ranges of matched words in `text`. */
  marks?: readonly (readonly number[])[];
}

/** Text with the matched words in `<mark>` elements, built from ranges (never from HTML). */
export function HighlightedText({ text, marks = [] }: HighlightedTextProps) {
  return (
    <>
      {highlightParts(text, marks).map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
