import { ArrayMaxSize, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** Longest free text of a model card field (a motivation, a caveat), as for descriptions. */
export const CARD_TEXT_MAX = 32_768;
/** Longest item of a model card list (one use, one factor, one risk). */
export const CARD_ITEM_MAX = 4_096;
/** Most items of one model card list. */
export const CARD_LIST_MAX = 100;

/**
 * class-validator rules of an optional list of short texts on a model card: at most
 * CARD_LIST_MAX items of 1 to CARD_ITEM_MAX characters each.
 */
export function CardTextList(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    ArrayMaxSize(CARD_LIST_MAX)(target, key);
    IsString({ each: true })(target, key);
    Length(1, CARD_ITEM_MAX, { each: true })(target, key);
  };
}

/** class-validator rules of an optional free text on a model card: up to CARD_TEXT_MAX characters. */
export function CardText(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(CARD_TEXT_MAX)(target, key);
  };
}
