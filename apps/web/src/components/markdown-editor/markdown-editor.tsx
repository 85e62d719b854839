import '@mantine/tiptap/styles.layer.css';
import './editor.css';
import { Input } from '@mantine/core';
import { RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor, useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { editorExtensions } from './extensions';
import { cleanPastedHtml } from './paste-html';
import classes from './markdown-editor.module.css';

interface MarkdownEditorProps {
  /** The editable area's id (a field id the completeness meter can focus). */
  id: string;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  /** The Markdown the editor starts with (later changes of this prop are ignored). */
  initialValue: string;
  onChange: (markdown: string) => void;
  /** A hint shared by every editor on the form (pasting from Word, Tab in tables), read out too. */
  helpId?: string;
}

/**
 * A Markdown field a non-technical writer can use: a formatting toolbar (headings, bold, italic,
 * lists, link, table, undo/redo, labelled in the portal's language) over a TipTap editor that
 * reads and writes Markdown. Pasting from Word keeps headings, lists and tables
 * (editor/paste-html.ts). The editable area is a textbox named by the field's label.
 *
 * The toolbar is one tab stop (arrow keys move within it), so the keyboard reaches the next field
 * quickly; Tab leaves the editor (in a table it moves through the cells, then out).
 */
export function MarkdownEditor({
  id,
  label,
  description,
  error,
  required,
  initialValue,
  onChange,
  helpId,
}: MarkdownEditorProps) {
  const { t } = useTranslation('editor');
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const extensions = useMemo(() => editorExtensions(), []);
  // The editable area carries `id`; the wrapper's parts get ids of their own.
  const labelId = `${id}-label`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : undefined, description ? descriptionId : undefined, helpId]
    .filter(Boolean)
    .join(' ');
  const attributes = {
    id,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    'aria-describedby': describedBy,
    'aria-invalid': error ? 'true' : 'false',
    ...(required ? { 'aria-required': 'true' } : {}),
    class: classes.editable ?? '',
  };
  const editor = useEditor({
    extensions,
    content: initialValue,
    contentType: 'markdown',
    // TipTap would add a <style> element, which the CSP refuses: editor.css has the same rules.
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes, transformPastedHTML: (html) => cleanPastedHtml(html) },
    onUpdate: ({ editor: changed }) => onChangeRef.current(changed.getMarkdown()),
  });
  const attributesKey = JSON.stringify(attributes);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({
      editorProps: {
        attributes: JSON.parse(attributesKey) as Record<string, string>,
        transformPastedHTML: (html) => cleanPastedHtml(html),
      },
    });
  }, [editor, attributesKey]);
  const inTable = useEditorState({
    editor,
    selector: (state) => (state.editor?.isDestroyed ? false : !!state.editor?.isActive('table')),
  });
  const labels = useEditorLabels();
  const toolbar = useRef<HTMLDivElement>(null);
  useRovingToolbar(toolbar);

  return (
    <Input.Wrapper
      id={`${id}-field`}
      label={label}
      description={description}
      error={error}
      withAsterisk={required}
      labelElement="div"
      labelProps={{ id: labelId, onClick: () => editor?.commands.focus() }}
      descriptionProps={{ id: descriptionId }}
      errorProps={{ id: errorId }}
      className={classes.field}
    >
      <RichTextEditor editor={editor} labels={labels} className={classes.editor}>
        <RichTextEditor.Toolbar
          ref={toolbar}
          role="toolbar"
          aria-label={t('toolbar')}
          aria-controls={id}
          className={classes.toolbar}
          onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => moveInToolbar(event)}
        >
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Control
              aria-label={labels.tableInsertControlLabel}
              title={labels.tableInsertControlLabel}
              onClick={() =>
                editor?.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()
              }
            >
              <TableIcon />
            </RichTextEditor.Control>
            {inTable && (
              <>
                <RichTextEditor.TableRowAfter tabIndex={-1} />
                <RichTextEditor.TableColumnAfter tabIndex={-1} />
                <RichTextEditor.TableRowDelete tabIndex={-1} />
                <RichTextEditor.TableColumnDelete tabIndex={-1} />
                <RichTextEditor.TableDelete tabIndex={-1} />
              </>
            )}
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content className={classes.content} />
      </RichTextEditor>
    </Input.Wrapper>
  );
}

/** The toolbar's labels in the portal's language. */
function useEditorLabels(): RichTextEditorLabels {
  const { t } = useTranslation('editor');
  return useMemo(
    () =>
      ({
        h2ControlLabel: t('h2'),
        h3ControlLabel: t('h3'),
        boldControlLabel: t('bold'),
        italicControlLabel: t('italic'),
        bulletListControlLabel: t('bulletList'),
        orderedListControlLabel: t('orderedList'),
        linkControlLabel: t('link'),
        unlinkControlLabel: t('unlink'),
        undoControlLabel: t('undo'),
        redoControlLabel: t('redo'),
        linkEditorInputLabel: t('linkAddress'),
        linkEditorInputPlaceholder: 'https://',
        linkEditorExternalLink: t('linkNewTab'),
        linkEditorInternalLink: t('linkSameTab'),
        linkEditorSave: t('linkSave'),
        tableInsertControlLabel: t('tableInsert'),
        tableRowAfterControlLabel: t('tableRowAfter'),
        tableColumnAfterControlLabel: t('tableColumnAfter'),
        tableRowDeleteControlLabel: t('tableRowDelete'),
        tableColumnDeleteControlLabel: t('tableColumnDelete'),
        tableDeleteControlLabel: t('tableDelete'),
      }) as RichTextEditorLabels,
    [t],
  );
}

function toolbarButtons(toolbar: HTMLElement): HTMLButtonElement[] {
  return [...toolbar.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled);
}

/** Arrow keys, Home and End move between the toolbar's buttons (one tab stop). */
function moveInToolbar(event: KeyboardEvent<HTMLDivElement>): void {
  const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = toolbarButtons(event.currentTarget);
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (current < 0) return;
  event.preventDefault();
  const last = buttons.length - 1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? last
        : event.key === 'ArrowRight'
          ? (current + 1) % buttons.length
          : (current - 1 + buttons.length) % buttons.length;
  buttons[next]?.focus();
}

/**
 * One tab stop per toolbar (the WAI-ARIA toolbar pattern): the button last used while in the
 * toolbar, and its first button again once focus has left it.
 */
function useRovingToolbar(ref: React.RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const toolbar = ref.current;
    if (!toolbar) return;
    const reset = () => {
      const buttons = [...toolbar.querySelectorAll<HTMLButtonElement>('button')];
      buttons.forEach((b, i) => b.setAttribute('tabindex', i === 0 ? '0' : '-1'));
    };
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLButtonElement)) return;
      for (const b of toolbar.querySelectorAll('button')) b.setAttribute('tabindex', '-1');
      event.target.setAttribute('tabindex', '0');
    };
    const onFocusOut = (event: FocusEvent) => {
      if (!toolbar.contains(event.relatedTarget as Node | null)) reset();
    };
    reset();
    toolbar.addEventListener('focusin', onFocusIn);
    toolbar.addEventListener('focusout', onFocusOut);
    return () => {
      toolbar.removeEventListener('focusin', onFocusIn);
      toolbar.removeEventListener('focusout', onFocusOut);
    };
  }, [ref]);
}

function TableIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M3 10h18M3 15h18M9 4v16M15 4v16" />
    </svg>
  );
}
