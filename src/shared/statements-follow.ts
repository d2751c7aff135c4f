/**
 * How the Reports screen follows an all-statements job (and the bench, as the screen does): it asks how
 * far the job is, the answer coming as soon as the job ends or after this long, then asks again — the
 * progress line moves every few hundred ms and the finished PDF shows at once.
 */
export const followStatementsEveryMs = 300;
