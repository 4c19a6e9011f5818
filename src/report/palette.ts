/**
 * Chart colours of the monitor, used by both renderers: Leiden red first, then colours that
 * stay apart for colour-blind readers.
 */
export const PALETTE = ["C8102E", "1F4E79", "F2A900", "2E8B57", "7F3F98", "5B9BD5", "ED7D31", "70AD47", "A5A5A5", "264478"];

export const paletteColour = (index: number) => PALETTE[index % PALETTE.length];
