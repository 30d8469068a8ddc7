import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { EditorContent, NodeViewWrapper, ReactNodeViewRenderer, useEditor, type ReactNodeViewProps } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { cspNonce } from '../session/csp-nonce';
import { mediaIdOf, staffMediaUrl } from './media';

/** An image of the body: an upload of the province is shown through the staff route until it is public. */
function BodyImage({ node, selected }: ReactNodeViewProps) {
  const src = String(node.attrs.src ?? '');
  const id = mediaIdOf(src);
  const [shown, setShown] = useState(id ? undefined : src);
  useEffect(() => {
    if (!id) return;
    let url: string | undefined;
    let live = true;
    staffMediaUrl(id, 1024).then(
      (u) => (live ? setShown((url = u)) : URL.revokeObjectURL(u)),
      () => live && setShown(undefined),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return (
    <NodeViewWrapper as="span" style={{ display: 'inline-block', outline: selected ? '2px solid #0b57a4' : undefined }}>
      {shown ? <img src={shown} alt={String(node.attrs.alt ?? '')} /> : <span>[Ảnh: {String(node.attrs.alt ?? '')}]</span>}
    </NodeViewWrapper>
  );
}

const BodyImageExtension = Image.extend({ addNodeView: () => ReactNodeViewRenderer(BodyImage) });

/** What the server's sanitiser keeps: headings 2–4, emphasis, lists, quotes, links, images. */
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    codeBlock: false,
    link: { openOnClick: false, protocols: ['http', 'https', 'mailto', 'tel'] },
  }),
  BodyImageExtension,
];

export interface RichTextHandle {
  insertImage(src: string, alt: string): void;
}

/** The body of an item (HTML), for antd's Form.Item (value, onChange). */
export function RichText({
  value,
  onChange,
  id,
  onReady,
}: {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
  onReady?: (handle: RichTextHandle) => void;
}) {
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: value ?? '',
    // TipTap's few base styles go in a <style> element: it carries the page's CSP nonce.
    injectNonce: cspNonce(),
    editorProps: {
      attributes: { id: id ?? '', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Nội dung bài viết' },
    },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });
  // A value set from outside (a restored draft, a revision) replaces the text.
  useEffect(() => {
    if (editor && value !== undefined && value !== editor.getHTML() && !(value === '' && editor.isEmpty))
      editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => {
    if (editor && onReady) onReady({ insertImage: (src, alt) => editor.chain().focus().setImage({ src, alt }).run() });
  }, [editor, onReady]);

  if (!editor) return null;
  const tool = (label: string, icon: React.ReactNode, run: () => void, active = false) => (
    <Tooltip title={label}>
      <Button size="small" type={active ? 'primary' : 'text'} icon={icon} aria-label={label} aria-pressed={active} onClick={run} />
    </Tooltip>
  );
  const heading = (level: 2 | 3) => (
    <Button
      size="small"
      type={editor.isActive('heading', { level }) ? 'primary' : 'text'}
      aria-pressed={editor.isActive('heading', { level })}
      onClick={() => editor.chain().focus().toggleHeading({ level }).run()}
    >
      {`Tiêu đề ${level - 1}`}
    </Button>
  );
  const setLink = () => {
    const previous = editor.getAttributes('link').href as string | undefined;
    const href = window.prompt('Địa chỉ liên kết (để trống để bỏ liên kết):', previous ?? 'https://');
    if (href === null) return;
    if (href.trim() === '') editor.chain().focus().unsetLink().run();
    else editor.chain().focus().setLink({ href: href.trim() }).run();
  };
  return (
    <div className="cong-rich">
      <div className="cong-toolbar" role="toolbar" aria-label="Định dạng">
        {tool('Đậm', <BoldOutlined />, () => editor.chain().focus().toggleBold().run(), editor.isActive('bold'))}
        {tool('Nghiêng', <ItalicOutlined />, () => editor.chain().focus().toggleItalic().run(), editor.isActive('italic'))}
        {heading(2)}
        {heading(3)}
        {tool('Danh sách', <UnorderedListOutlined />, () => editor.chain().focus().toggleBulletList().run(), editor.isActive('bulletList'))}
        {tool(
          'Danh sách đánh số',
          <OrderedListOutlined />,
          () => editor.chain().focus().toggleOrderedList().run(),
          editor.isActive('orderedList'),
        )}
        {tool('Liên kết', <LinkOutlined />, setLink, editor.isActive('link'))}
        {tool('Hoàn tác', <UndoOutlined />, () => editor.chain().focus().undo().run())}
        {tool('Làm lại', <RedoOutlined />, () => editor.chain().focus().redo().run())}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
