import { DomainError } from '@cong/platform-errors';
import { Royalties, RoyaltyGenre } from '@cong/rules';

export interface RoyaltyChoice {
  /** A genre id of the rate table; default: the first genre for the item's content type. */
  genre?: string;
  /** Within a genre's range [points, maxPoints]; default: its points. */
  points?: number;
}

export interface RoyaltyAmount {
  genre: string;
  points: number;
  /** The value of one point in force on the publication day, and where it comes from. */
  unitValue: number;
  unitValueBasis: string | null;
  /** The share the item's channel pays (LC: portal contributions 1.0). */
  share: number;
  /** points × unit value × share, in whole đồng. */
  amount: number;
  currency: string;
}

/** The genre an item earns under by default: the first listing its type, else the first listing no type. */
function defaultGenre(table: Royalties, contentType: string): RoyaltyGenre | undefined {
  return table.genres.find((g) => g.contentTypes?.includes(contentType)) ?? table.genres.find((g) => !g.contentTypes);
}

const invalid = (field: string, message: string) =>
  new DomainError('ROYALTY_CHOICE_INVALID', 'validation', 'Thể loại hoặc điểm nhuận bút không hợp lệ.', [{ field, message }]);

/**
 * What an approved and published contribution earns (LC-3.1c): the genre's points (or the points
 * chosen within its range) × the unit value in force on the publication day × the channel's share.
 * Null: the channel pays nothing, or no genre fits the content type and none was chosen.
 */
export function royaltyFor(
  table: Royalties,
  item: { type: string; channel: string; publishedOn: string },
  choice: RoyaltyChoice = {},
): RoyaltyAmount | null {
  const share = table.shareByChannel[item.channel as 'portal' | 'subsite'] ?? 0;
  if (share <= 0) return null;
  let genre: RoyaltyGenre | undefined;
  if (choice.genre) {
    genre = table.genres.find((g) => g.id === choice.genre);
    if (!genre)
      throw invalid(
        'royalty.genre',
        `"${choice.genre}" không phải là thể loại trong bảng nhuận bút (${table.genres.map((g) => g.id).join(', ')}).`,
      );
    if (genre.contentTypes && !genre.contentTypes.includes(item.type))
      throw invalid('royalty.genre', `Thể loại "${genre.id}" không dùng cho ${item.type}.`);
  } else {
    genre = defaultGenre(table, item.type);
    if (!genre) return null;
  }
  const points = choice.points ?? genre.points;
  const max = genre.maxPoints ?? genre.points;
  if (points < genre.points || points > max)
    throw invalid('royalty.points', `Thể loại ${genre.id} được ${genre.points === max ? genre.points : `${genre.points}–${max}`} điểm.`);
  const value = [...table.unitValue]
    .sort((a, b) => a.from.localeCompare(b.from))
    .filter((v) => v.from <= item.publishedOn)
    .pop();
  if (!value) return null;
  return {
    genre: genre.id,
    points,
    unitValue: value.amount,
    unitValueBasis: value.basis ?? null,
    share,
    amount: Math.round(points * value.amount * share),
    currency: table.currency,
  };
}
