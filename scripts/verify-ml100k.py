#!/usr/bin/env python3
"""Checks the seven jobs' output on the real ml-100k against a plain Python computation.

Usage: scripts/verify-ml100k.sh runs the jobs and this script:
  for each job: bin/hadoop jar mapreduce-jobs/target/movielens-jobs.jar JOB [--movies D/u.item] --overwrite D/u.data OUT/JOB
  python3 scripts/verify-ml100k.py [D] [OUT]
"""
import collections, datetime, sys
D=sys.argv[1] if len(sys.argv) > 1 else '../shared/datasets/ml-100k'
OUT=sys.argv[2] if len(sys.argv) > 2 else '/tmp/ml100k'
stars=collections.Counter(); users=collections.Counter(); s=collections.defaultdict(float); c=collections.Counter()
for line in open(D+'/u.data'):
    u,m,r,t=line.split('\t'); stars[int(r)]+=1; users[int(u)]+=1; s[int(m)]+=int(r); c[int(m)]+=1
movies={}
for line in open(D+'/u.item',encoding='latin-1'):
    f=line.rstrip('\n').split('|'); d=None
    if f[2]: d=datetime.datetime.strptime(f[2],'%d-%b-%Y').date()
    movies[int(f[0])]=(f[1],d)
def avg(m): return s[m]/c[m]
from decimal import Decimal, ROUND_HALF_UP
fmt=lambda x:str((Decimal(x[0])/Decimal(x[1])).quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP))
exp={}
exp['ratings-breakdown']=['%d\t%d'%(k,stars[k]) for k in sorted(stars)]
exp['ratings-per-user']=['%d\t%d'%(k,users[k]) for k in sorted(users)]
exp['movie-stats']=['%d\t%s\t%d\t%s'%(m,movies[m][0],c[m],fmt((s[m],c[m]))) for m in sorted(c)]
exp['lowest-rated']=['%d\t%s\t%s\t%d'%(m,movies[m][0],fmt((s[m],c[m])),c[m]) for m in sorted([m for m in c if c[m]>10], key=lambda m:(avg(m),-c[m],m))[:10]]
exp['bad-movies']=['%d\t%s\t%s\t%d'%(m,movies[m][0],fmt((s[m],c[m])),c[m]) for m in sorted([m for m in c if avg(m)<2.0], key=lambda m:(-c[m],m))]
exp['most-popular']=['%d\t%s\t%d'%(m,movies[m][0],c[m]) for m in sorted(c, key=lambda m:(-c[m],m))[:10]]
exp['oldest-five-star']=['%d\t%s\t%s\t%s\t%d'%(m,movies[m][0],movies[m][1],fmt((s[m],c[m])),c[m]) for m in sorted([m for m in c if avg(m)>4.0 and movies[m][1]], key=lambda m:(movies[m][1],m))]
for job,lines in exp.items():
    got=open('%s/%s/part-r-00000'%(OUT,job),encoding='utf-8').read().splitlines()
    print(job, 'OK' if got==lines else 'DIFF', len(got), len(lines))
    if got!=lines:
        for a,b in zip(got,lines):
            if a!=b: print(' got', a, '\n want', b); break
