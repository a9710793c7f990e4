// A world module that reaches up into the HTTP edge: the layering rules must refuse it.
import { edge } from '../plugins/edge.js'

export const pure = () => edge
