// A state module that imports a route: refused.
import { route } from '../routes/route.js'

export const state = () => route
