import { Type } from 'class-transformer';
import { IsArray, IsISO8601, IsOptional, IsString, MinLength, ValidateNested } from 'class-validator';
import { OneOf, WEEKDAYS, Weekday } from './one-of.validator';
import { STRICT_DATE } from './vocabulary';

export class CalendarDay {
  @IsISO8601(STRICT_DATE, { message: '`date` phải là một ngày dạng YYYY-MM-DD' }) date!: string;
  @IsString() @MinLength(2) name!: string;
}

/** Week start, weekends, public holidays and make-up working days: what "working day" means. */
export class Calendar {
  @OneOf(WEEKDAYS) weekStart: Weekday = 'MON';
  @IsArray() @OneOf(WEEKDAYS) weekends: Weekday[] = ['SAT', 'SUN'];
  /** Days off, including the bridge days the government grants (ngày nghỉ bù). */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CalendarDay) holidays: CalendarDay[] = [];
  /** Weekend days worked in exchange for a bridge holiday (ngày làm bù). */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CalendarDay) makeUpWorkingDays: CalendarDay[] = [];
}
