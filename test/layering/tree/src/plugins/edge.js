// The edge may import every layer below it.
export const edge = 1
