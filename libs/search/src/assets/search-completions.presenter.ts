import type { SuggestionItemDto } from '../http/dto/suggest.dto';

/** Completions as the API answers them: pure, no reads; a tag has no id (its label is the tag). */
export function assetSuggestion(r: { id: string; title: string }): SuggestionItemDto {
  return { kind: 'asset', id: r.id, label: r.title };
}

export function tagSuggestion(tag: string): SuggestionItemDto {
  return { kind: 'tag', label: tag };
}

export function personSuggestion(p: { id: string; name: string }): SuggestionItemDto {
  return { kind: 'person', id: p.id, label: p.name };
}

export function copSuggestion(c: { id: string; name: string }): SuggestionItemDto {
  return { kind: 'cop', id: c.id, label: c.name };
}
