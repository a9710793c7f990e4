// An endpoint definition that imports the state and the world, as the edge may.
import { state } from '../emulator/state.js'
import { pure } from '../world/pure.js'

export const definition = () => [state, pure]
