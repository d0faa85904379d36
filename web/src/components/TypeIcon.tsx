import { typeStyle } from '../lib/entity-types';

/** The icon of an entity type, in its colour. */
export function TypeIcon({ type, size = 16 }: { type: string; size?: number }) {
  const style = typeStyle(type);
  return (
    <svg className="type-icon" width={size} height={size} viewBox="0 0 24 24" aria-label={style.label} role="img">
      <path d={style.icon} fill="none" stroke={style.colour} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
