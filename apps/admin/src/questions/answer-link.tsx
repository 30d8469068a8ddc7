import { FormOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

/** The answer's faq item, opened in the editor: there it is submitted and published through its workflow. */
export function AnswerLink({ itemId, published }: { itemId: string; published: boolean }) {
  return (
    <Link className="cong-link-button" to={`/noi-dung/${itemId}`}>
      <FormOutlined aria-hidden /> {published ? 'Mở bản trả lời đã đăng' : 'Mở bản trả lời để gửi duyệt / đăng'}
    </Link>
  );
}
