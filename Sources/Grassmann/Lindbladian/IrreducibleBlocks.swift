/// The irreducible blocks of a square matrix A: the strongly connected components of the directed
/// graph with an edge i → j for every stored A_ij ≠ 0 (Tarjan's algorithm, written iteratively so
/// that Liouville spaces of 10⁵ states do not exhaust the stack).
///
/// The blocks come in Tarjan's order, the reverse topological order of the condensed graph: when
/// A_ij ≠ 0 joins two different blocks, j's block is listed before i's. Numbering the states block
/// by block in this order makes PAPᵀ block lower triangular, so the spectrum of A is the union, with
/// multiplicities, of the spectra of its diagonal blocks A[b, b].
///
/// For a Lindbladian nothing about the model is assumed: the blocks are read off the sparsity. For
/// the impurity model of NC(3) they are its symmetry sectors — the particle numbers and spins of
/// ket and bra of |i⟩⟨j| (H conserves both, a jump d_σ P lowers both and so only feeds lower
/// sectors) — so a Liouville space of 4ᴹ states falls apart into blocks of at most (dim of the
/// largest Fock sector)² states.
public struct IrreducibleBlocks: Sendable {
    /// The state indices of each block, in increasing order within a block; blocks in Tarjan's order.
    public let blocks: [[Int]]
    /// blockOf[i] is the index in `blocks` of the block containing state i.
    public let blockOf: [Int]
    /// positionInBlock[i] is the position of state i in its block's list.
    public let positionInBlock: [Int]

    /// The blocks of the CSR matrix `a` (square). Stored entries that are exactly zero are no edges.
    public init(_ a: CompressedSparseMatrix) {
        precondition(a.rowCount == a.columnCount, "IrreducibleBlocks: the matrix must be square")
        let n = a.rowCount
        var index = [Int](repeating: -1, count: n)     // discovery order, −1 = unvisited
        var lowLink = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var blockOf = [Int](repeating: -1, count: n)
        var blocks: [[Int]] = []
        var counter = 0
        // The depth-first search, iteratively: each frame is a state and the next entry of its row.
        var frames: [(state: Int, next: Int)] = []
        for root in 0..<n where index[root] < 0 {
            index[root] = counter; lowLink[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            frames.append((root, a.rowStart[root]))
            while let top = frames.last {
                let v = top.state
                var k = top.next
                let end = a.rowStart[v + 1]
                var descended = false
                while k < end {
                    let w = a.columns[k], value = a.values[k]
                    k += 1
                    if value.re == 0 && value.im == 0 { continue }
                    if index[w] < 0 {
                        frames[frames.count - 1].next = k
                        index[w] = counter; lowLink[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        frames.append((w, a.rowStart[w]))
                        descended = true
                        break
                    } else if onStack[w] {
                        lowLink[v] = Swift.min(lowLink[v], index[w])
                    }
                }
                if descended { continue }
                // v is finished: close its component if it is a root, then hand its low link up.
                frames.removeLast()
                if lowLink[v] == index[v] {
                    var block: [Int] = []
                    while true {
                        let w = stack.removeLast()
                        onStack[w] = false
                        blockOf[w] = blocks.count
                        block.append(w)
                        if w == v { break }
                    }
                    blocks.append(block.sorted())
                }
                if let parent = frames.last?.state {
                    lowLink[parent] = Swift.min(lowLink[parent], lowLink[v])
                }
            }
        }
        var position = [Int](repeating: 0, count: n)
        for block in blocks { for (p, i) in block.enumerated() { position[i] = p } }
        self.blocks = blocks
        self.blockOf = blockOf
        self.positionInBlock = position
    }

    /// The size of the largest block.
    public var largestBlock: Int { blocks.map(\.count).max() ?? 0 }
}

extension CompressedSparseMatrix {
    /// The diagonal block A[b, b] as a dense column-major array of interleaved (re, im) pairs,
    /// the layout LAPACK's complex routines take.
    func denseBlock(_ b: Int, of blocks: IrreducibleBlocks) -> [Double] {
        let states = blocks.blocks[b], m = states.count
        var out = [Double](repeating: 0, count: 2 * m * m)
        for (r, i) in states.enumerated() {
            for k in row(i) where blocks.blockOf[columns[k]] == b {
                let c = blocks.positionInBlock[columns[k]]
                out[2 * (c * m + r)] = values[k].re; out[2 * (c * m + r) + 1] = values[k].im
            }
        }
        return out
    }
}
