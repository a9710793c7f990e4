// An edge module.
export const route = 1
