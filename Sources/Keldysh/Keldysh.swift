import Symbolic
import Grassmann
